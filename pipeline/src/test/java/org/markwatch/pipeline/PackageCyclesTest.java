package org.markwatch.pipeline;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Package by feature, and no two packages of this module depend on each other (STYLE: no package
 * cycles).
 */
class PackageCyclesTest {
  @Test
  void noPackageDependsOnAPackageThatDependsOnIt() {
    // This module's own classes only, without following their references into the libraries'
    // jars: a cycle is between this module's packages, and reading Spring or Flink takes seconds.
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    JavaClasses classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
    assertThat(classes).isNotEmpty();
    slices().matching("org.markwatch.(**)").should().beFreeOfCycles().check(classes);
  }
}
