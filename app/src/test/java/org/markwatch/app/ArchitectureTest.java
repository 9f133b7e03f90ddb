package org.markwatch.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md, checked over every module's compiled classes. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    // Test classes are left out whether they come as target/test-classes or as another module's
    // test-jar (TestDatabase, TestConf), which DO_NOT_INCLUDE_TESTS does not recognise.
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.markwatch");
  }

  @Test
  void modelDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("org.markwatch.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.markwatch.detectors..",
            "org.markwatch.crawler..",
            "org.markwatch.storage..",
            "org.markwatch.pipeline..",
            "org.markwatch.portal..",
            "org.markwatch.app..")
        .check(classes);
  }

  @Test
  void detectorsDoNoIo() {
    noClasses()
        .that()
        .resideInAPackage("org.markwatch.detectors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.nio.file..",
            "java.net..",
            "java.sql..",
            "org.markwatch.crawler..",
            "org.markwatch.storage..")
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
        .check(classes);
  }

  @Test
  void pipelineNeverImportsTheCrawler() {
    noClasses()
        .that()
        .resideInAPackage("org.markwatch.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.markwatch.crawler..")
        .check(classes);
  }

  @Test
  void springOnlyInPortalAndApp() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.markwatch.model..",
            "org.markwatch.detectors..",
            "org.markwatch.crawler..",
            "org.markwatch.storage..",
            "org.markwatch.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(classes);
  }

  @Test
  void libraryModulesNeverReachUpToPortalOrApp() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.markwatch.model..",
            "org.markwatch.detectors..",
            "org.markwatch.crawler..",
            "org.markwatch.storage..",
            "org.markwatch.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.markwatch.portal..", "org.markwatch.app..")
        .check(classes);
  }
}
