package org.markwatch.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Flink job stays lean: no Spring, and it meets the crawler only through the spool files. */
class ArchitectureTest {
  private static final JavaClasses PIPELINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.markwatch.pipeline");

  @Test
  void pipelineNeverImportsTheCrawlerOrSpring() {
    noClasses()
        .that()
        .resideInAPackage("org.markwatch.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.markwatch.crawler..", "org.springframework..")
        .check(PIPELINE);
  }

  @Test
  void theJobNeedsOnlyTheKafkaClientNotTheBroker() {
    // the broker (kafka_2.13, optional) is for the tests and the bench; the job jar leaves it out
    noClasses()
        .that()
        .resideInAPackage("org.markwatch.pipeline..")
        .and()
        .resideOutsideOfPackage("org.markwatch.pipeline.localkafka..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "kafka..", "org.apache.kafka.metadata..", "org.markwatch.pipeline.localkafka..")
        .check(PIPELINE);
  }

  @Test
  void theRuleSeesThePipelineClasses() {
    // Guards against the rule passing vacuously on an empty import.
    org.assertj.core.api.Assertions.assertThat(PIPELINE.contain(ScoringJob.class)).isTrue();
  }
}
