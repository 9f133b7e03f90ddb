package org.markwatch.detectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The detectors are pure functions: no files, no network, so the same code scores in Flink, in a
 * backtest and in a unit test. The caller passes file contents in a {@link DetectorConfig}.
 */
@AnalyzeClasses(
    packages = "org.markwatch.detectors",
    importOptions = ImportOption.DoNotIncludeTests.class)
class NoIoArchTest {
  @ArchTest
  static final ArchRule noFilesOrNetwork =
      noClasses()
          .that()
          .resideInAPackage("org.markwatch.detectors..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.nio.file..", "java.net..", "java.nio.channels..", "java.net.http..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.File")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.FileInputStream")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.FileOutputStream")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.FileReader")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.FileWriter")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.RandomAccessFile")
          .because("detectors do no I/O: the caller reads files and passes their text");

  @ArchTest
  static final ArchRule noSpringOrFlink =
      noClasses()
          .that()
          .resideInAPackage("org.markwatch.detectors..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "org.apache.flink..")
          .because("detectors stay a plain library usable in any runtime");
}
