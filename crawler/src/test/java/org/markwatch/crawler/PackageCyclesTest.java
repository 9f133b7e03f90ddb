package org.markwatch.crawler;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of the crawler module depends, through others, on itself (each package can be read
 * alone).
 */
class PackageCyclesTest {
  @Test
  void crawlerPackagesAreFreeOfCycles() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.markwatch.crawler");
    // Every package is its own slice: the root package and each sub-package at any depth.
    slices().matching("org.markwatch.(crawler..)").should().beFreeOfCycles().check(classes);
  }
}
