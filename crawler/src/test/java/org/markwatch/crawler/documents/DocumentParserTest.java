package org.markwatch.crawler.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.markwatch.crawler.documents.ParsedDocument.Status;
import org.markwatch.crawler.testing.TestDocuments;

class DocumentParserTest {
  private static final String CERTIFICATE =
      """
      CERTIFICATE OF ANALYSIS
      This certificate confirms that the batch of sunscreen lotion described below
      was tested by the laboratory and meets the requirements of the standard.
      The product is manufactured in Korea and imported by the company named here.""";

  private static final DocumentParser PARSER = new DocumentParser(DocumentLimits.DEFAULT, 2);

  @AfterAll
  static void close() {
    PARSER.close();
  }

  @Test
  void readsThePdfsTextAndLanguage() {
    ParsedDocument d = PARSER.parse(TestDocuments.pdf(List.of(CERTIFICATE)), "coa.pdf");

    assertThat(d.status()).isEqualTo(Status.OK);
    assertThat(d.contentType()).isEqualTo("application/pdf");
    assertThat(d.text()).contains("CERTIFICATE OF ANALYSIS").contains("manufactured in Korea");
    assertThat(d.language()).isEqualTo("en");
    assertThat(d.truncated()).isFalse();
  }

  @Test
  void vietnameseTextIsTaggedVi() {
    String text =
        "Giấy chứng nhận đăng ký sản phẩm mỹ phẩm nhập khẩu. Sản phẩm được sản xuất tại Hàn Quốc"
            + " và được phân phối bởi công ty trách nhiệm hữu hạn thương mại dịch vụ.";
    ParsedDocument d = PARSER.parse(text.getBytes(StandardCharsets.UTF_8), "giay-chung-nhan.txt");

    assertThat(d.status()).isEqualTo(Status.OK);
    assertThat(d.language()).isEqualTo("vi");
  }

  @Test
  void aZipBombIsRefused() {
    // 48 MiB of one letter: about 48 KiB packed, so it passes the ratio of 100 after ~5 MiB.
    byte[] bomb = TestDocuments.zipBomb("catalogue.txt", 48 << 20);
    assertThat(bomb.length).isLessThan(200_000);

    ParsedDocument d = PARSER.parse(bomb, "catalogue.zip");

    assertThat(d.status()).isEqualTo(Status.REFUSED);
    assertThat(d.reason()).contains("zip bomb");
    assertThat(d.text()).isNull();
  }

  @Test
  void archivesNestedTooDeepAreRefusedAndShallowOnesRead() {
    ParsedDocument deep = PARSER.parse(TestDocuments.nestedZips(5, "hidden note"), "a.zip");
    assertThat(deep.status()).isEqualTo(Status.REFUSED);
    assertThat(deep.reason()).contains("nested deeper than 3");

    ParsedDocument shallow = PARSER.parse(TestDocuments.nestedZips(2, "hidden note"), "a.zip");
    assertThat(shallow.status()).isEqualTo(Status.OK);
    assertThat(shallow.text()).contains("hidden note");
    assertThat(shallow.embedded()).isEqualTo(2);
  }

  @Test
  void textIsCutAtTheLimitAndFlagged() {
    try (DocumentParser small =
        new DocumentParser(DocumentLimits.DEFAULT.withMaxTextChars(60), 1)) {
      ParsedDocument d = small.parse(TestDocuments.pdf(List.of(CERTIFICATE, CERTIFICATE)), null);
      assertThat(d.status()).isEqualTo(Status.OK);
      assertThat(d.text()).hasSizeLessThanOrEqualTo(60).startsWith("CERTIFICATE OF ANALYSIS");
      assertThat(d.truncated()).isTrue();
    }
  }

  @Test
  void aParsePastItsTimeLimitIsAbandoned() {
    byte[] big = TestDocuments.pdf(Collections.nCopies(40, CERTIFICATE));
    try (DocumentParser hurried = new DocumentParser(DocumentLimits.DEFAULT.withTimeoutMs(5), 1)) {
      long start = System.nanoTime();
      ParsedDocument d = hurried.parse(big, "big.pdf");
      long ms = (System.nanoTime() - start) / 1_000_000;

      assertThat(d.status()).isEqualTo(Status.TIMEOUT);
      assertThat(d.reason()).contains("5 ms");
      assertThat(ms).as("the caller is not held by the parse").isLessThan(2_000);
    }
  }

  @Test
  void garbageAndOversizedInputGiveAReasonNotAnException() {
    ParsedDocument broken =
        PARSER.parse("%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII), "x.pdf");
    assertThat(broken.status()).isEqualTo(Status.FAILED);
    assertThat(broken.reason()).isNotBlank();

    try (DocumentParser tiny =
        new DocumentParser(
            new DocumentLimits(1000, 30_000, 100, 1 << 20, 100, 3, 10, 40_000_000), 1)) {
      ParsedDocument big = tiny.parse(new byte[1001], "x.bin");
      assertThat(big.status()).isEqualTo(Status.REFUSED);
      assertThat(big.reason()).contains("larger than 1000 bytes");
    }
  }

  @Test
  void aScannedPaperIsReadByOcrInVietnameseAndEnglish() {
    byte[] scan =
        TestDocuments.png(
            List.of(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "GIẤY CHỨNG NHẬN LƯU HÀNH TỰ DO",
                "CERTIFICATE OF FREE SALE",
                "Sản phẩm: Kem chống nắng / Product: Sunscreen"));

    ParsedDocument d = PARSER.parse(scan, "giay-chung-nhan.png");

    assertThat(d.status()).as(d.toString()).isEqualTo(Status.OK);
    assertThat(d.contentType()).isEqualTo("image/png");
    assertThat(d.reason()).isNull();
    assertThat(d.text())
        .contains("CERTIFICATE OF FREE SALE")
        .contains("Sunscreen")
        .contains("CHỨNG NHẬN")
        .contains("VIỆT NAM")
        .contains("Kem chống nắng");
  }

  @Test
  void anImageLargerThanThePixelLimitIsNotOcrd() {
    byte[] scan = TestDocuments.png(List.of("CERTIFICATE OF FREE SALE"));
    try (DocumentParser strict =
        new DocumentParser(DocumentLimits.DEFAULT.withMaxImagePixels(100_000), 1)) {
      ParsedDocument d = strict.parse(scan, "scan.png");

      assertThat(d.status()).isEqualTo(Status.OK);
      assertThat(d.text()).doesNotContain("CERTIFICATE");
      assertThat(d.reason()).contains("173600 pixels, more than the OCR limit of 100000");

      // the same limit holds for an image inside an archive
      ParsedDocument zipped = strict.parse(TestDocuments.zip("scan.png", scan), "scans.zip");

      assertThat(zipped.status()).isEqualTo(Status.OK);
      assertThat(zipped.text()).doesNotContain("CERTIFICATE");
      assertThat(zipped.reason()).contains("more than the OCR limit of 100000");
    }
  }

  @Test
  void documentLinksAreFoundButShownImagesAreNot() {
    org.jsoup.nodes.Document page =
        org.jsoup.Jsoup.parse(
            """
            <img src="/i/product.jpg">
            <a href="/docs/catalogue.pdf#page=2">catalogue</a>
            <a href="/docs/scan-giay-phep.JPG">license scan</a>
            <a href="/files/get?id=7" type="application/pdf">certificate</a>
            <a href="/p/2">another product</a>
            <a href="mailto:a@b.vn">mail</a>
            <a href="/docs/secret.pdf" rel="nofollow">nofollow</a>""",
            "http://shop.test/p/1");
    assertThat(DocumentLinks.find(page, 5))
        .containsExactly(
            "http://shop.test/docs/catalogue.pdf",
            "http://shop.test/docs/scan-giay-phep.JPG",
            "http://shop.test/files/get?id=7");
    assertThat(DocumentLinks.find(page, 1)).hasSize(1);
    assertThat(DocumentLinks.fileName("http://shop.test/docs/catalogue.pdf"))
        .isEqualTo("catalogue.pdf");
  }
}
