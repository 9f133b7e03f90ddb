package org.markwatch.detectors;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * No package of the detectors depends, through any chain, on itself: the entry point (this package)
 * uses catalog, match, rules and scoring, and they never use it back (configuration errors and
 * their YAML reading live in {@code config}, which uses none of them).
 */
class NoPackageCyclesArchTest {
  /** Every package is its own slice, the root package included. */
  static final SliceAssignment BY_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          return SliceIdentifier.of(c.getPackageName());
        }

        @Override
        public String getDescription() {
          return "every package";
        }
      };

  @Test
  void packagesAreFreeOfCycles() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.markwatch.detectors");
    slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(classes);
  }
}
