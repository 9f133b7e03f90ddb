package org.markwatch.crawler.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.markwatch.crawler.documents.ParsedDocument.Status;
import org.markwatch.crawler.testing.HostileParser;
import org.markwatch.crawler.testing.TestDocuments;

/**
 * Documents parsed in a real child JVM. One child (96 MiB heap, 2 s per document) is reused across
 * the tests; each hostile document ends it, and the next document must be read by a fresh one.
 */
class ForkedDocumentParserTest {
  private static final String CERTIFICATE =
      """
      CERTIFICATE OF ANALYSIS
      This certificate confirms that the batch of sunscreen lotion described below
      was tested by the laboratory and meets the requirements of the standard.""";
  private static final byte[] PDF = TestDocuments.pdf(List.of(CERTIFICATE));

  private static final ForkedDocumentParser FORK =
      new ForkedDocumentParser(
          DocumentLimits.DEFAULT.withTimeoutMs(2_000),
          ForkedDocumentParser.Settings.defaults()
              .withHeapMb(96)
              .withChildren(1)
              .withMarginMs(2_000));

  @AfterAll
  static void close() {
    FORK.close();
  }

  @Test
  void aDocumentIsReadInTheChildWithItsLanguageAndTheChildIsReused() {
    ParsedDocument first = FORK.parse(PDF, "coa.pdf");
    int starts = FORK.starts();
    ParsedDocument second = FORK.parse(PDF, "coa.pdf");

    assertThat(first.status()).isEqualTo(Status.OK);
    assertThat(first.contentType()).isEqualTo("application/pdf");
    assertThat(first.text()).contains("CERTIFICATE OF ANALYSIS");
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.reason()).isNull();
    assertThat(second).isEqualTo(first);
    assertThat(FORK.starts()).as("one child for both").isEqualTo(starts);
  }

  @Test
  void theLimitsHoldInTheChild() {
    ParsedDocument bomb = FORK.parse(TestDocuments.zipBomb("catalogue.txt", 48 << 20), "c.zip");
    assertThat(bomb.status()).isEqualTo(Status.REFUSED);
    assertThat(bomb.reason()).contains("zip bomb");

    ParsedDocument deep = FORK.parse(TestDocuments.nestedZips(5, "hidden note"), "a.zip");
    assertThat(deep.status()).isEqualTo(Status.REFUSED);
    assertThat(deep.reason()).contains("nested deeper than 3");
  }

  @Test
  void aDocumentThatExhaustsTheHeapEndsOnlyTheChild() {
    ParsedDocument d = FORK.parse(HostileParser.document("oom"), "evil.pdf");

    assertThat(d.status()).as(d.toString()).isEqualTo(Status.REFUSED);
    assertThat(d.reason()).contains("out of memory").contains("96 MiB").contains("restarted");
    assertNextDocumentReadByAFreshChild();
  }

  @Test
  void aParseThatIgnoresItsTimeLimitEndsTheChild() {
    long start = System.nanoTime();
    ParsedDocument d = FORK.parse(HostileParser.document("hang"), "evil.pdf");
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(d.status()).isEqualTo(Status.TIMEOUT);
    assertThat(d.reason()).contains("not parsed within 2000 ms").contains("restarted");
    assertThat(ms).as("answered at the time limit, not held").isLessThan(2_000 + 1_000 + 2_000);
    assertNextDocumentReadByAFreshChild();
  }

  @Test
  void aChildThatStopsAnsweringIsKilledAtTheHardLimit() {
    ParsedDocument d = FORK.parse(HostileParser.document("freeze"), "evil.pdf");

    assertThat(d.status()).isEqualTo(Status.TIMEOUT);
    assertThat(d.reason()).contains("did not answer within 4000 ms").contains("killed");
    assertNextDocumentReadByAFreshChild();
  }

  @Test
  void withoutAChildDocumentsAreReadInProcessWithANote() {
    try (ForkedDocumentParser broken =
        new ForkedDocumentParser(
            DocumentLimits.DEFAULT,
            ForkedDocumentParser.Settings.defaults().withJava("/nonexistent/bin/java"))) {
      ParsedDocument d = broken.parse(PDF, "coa.pdf");

      assertThat(d.status()).isEqualTo(Status.OK);
      assertThat(d.text()).contains("CERTIFICATE OF ANALYSIS");
      assertThat(d.reason())
          .contains("parsed in the crawler's process")
          .contains("/nonexistent/bin/java");
    }
  }

  @Test
  void withoutTesseractAScanGivesNoTextAndSaysOcrWasUnavailable() {
    byte[] scan = TestDocuments.png(List.of("CERTIFICATE OF FREE SALE"));
    // a child whose PATH has no tesseract, as on a machine without the package
    try (ForkedDocumentParser noOcr =
        new ForkedDocumentParser(
            DocumentLimits.DEFAULT,
            ForkedDocumentParser.Settings.defaults()
                .withChildren(1)
                .withEnvironment(java.util.Map.of("PATH", "/nonexistent")))) {
      ParsedDocument d = noOcr.parse(scan, "scan.png");

      assertThat(d.status()).isEqualTo(Status.OK);
      assertThat(d.contentType()).isEqualTo("image/png");
      assertThat(d.text()).doesNotContain("CERTIFICATE");
      assertThat(d.reason()).contains("OCR unavailable: tesseract is not installed");
    }
  }

  private static void assertNextDocumentReadByAFreshChild() {
    int starts = FORK.starts();
    ParsedDocument next = FORK.parse(PDF, "coa.pdf");
    assertThat(next.status()).as(next.toString()).isEqualTo(Status.OK);
    assertThat(next.text()).contains("CERTIFICATE OF ANALYSIS");
    assertThat(FORK.starts()).as("a new child").isEqualTo(starts + 1);
  }
}
