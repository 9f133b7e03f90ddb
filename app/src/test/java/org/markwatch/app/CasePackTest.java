package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.app.casepack.CasePack;
import org.markwatch.model.Evidence;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.model.Signal;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.review.DecisionRequest;
import org.markwatch.storage.review.ReviewState;
import org.markwatch.storage.review.ReviewStore;

/**
 * {@code case pack}: a zip whose PDF shows the listing (Vietnamese text intact, a script tag in the
 * title as plain text), the raw page named by its SHA-256, and a manifest that catches a changed
 * file.
 */
class CasePackTest {
  @TempDir Path dir;

  @Test
  void aPackHoldsTheSummaryTheRawPageAndAManifestThatVerifiesThem() throws Exception {
    byte[] html =
        "<html><body>Nước hoa Chanel giá 350k</body></html>".getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html));
    Path evidence = dir.resolve("data/evidence");
    Files.createDirectories(evidence.resolve(sha.substring(0, 2)));
    try (OutputStream o =
        new GZIPOutputStream(
            Files.newOutputStream(
                evidence.resolve(sha.substring(0, 2)).resolve(sha + ".html.gz")))) {
      o.write(html);
    }
    DatabaseSettings settings = DatabaseSettings.h2File(dir.resolve("data/db"));
    try (Database db = Database.open(settings)) {
      Listing l =
          Listing.builder("shopee:77", "shopee", "https://shopee.vn/p/77", "2026-11-20T03:00:00Z")
              .title("Nước hoa Chanel N°5 <script>alert(1)</script>")
              .price(Money.vnd(350_000))
              .seller(
                  new Seller(
                      "shopee:shop:9",
                      "Shop Thơm",
                      null,
                      List.of("0901234567"),
                      null,
                      null,
                      "Hà Nội",
                      null,
                      null,
                      false,
                      null,
                      null,
                      null,
                      null))
              .evidence(new Evidence(200, "static", sha, null))
              .build();
      new ListingStore(db.dataSource())
          .save(
              new ScoredListing(
                  l,
                  Scored.of(
                      "shopee:77",
                      "rules-1",
                      0.9,
                      true,
                      List.of("counterfeit"),
                      List.of(),
                      List.of(
                          new Signal(
                              "counterfeit.price-far-below",
                              0.5,
                              "counterfeit",
                              "price",
                              "350000 < 10% of 3800000")))));
      Jurisdiction chief = Jurisdiction.national("chief");
      new ReviewStore(db.dataSource())
          .decide(
              chief,
              DecisionRequest.of(
                  "shopee:77", ReviewState.CONFIRMED, "counterfeit_confirmed", "giá quá thấp"));
      CaseStore cases = new CaseStore(db.dataSource());
      cases.create(chief, "HN-2026-0007", "Nước hoa giả", "ha-noi", null, null);
      cases.addListings(chief, "HN-2026-0007", List.of("shopee:77"));
      cases.addAction(
          chief, "HN-2026-0007", "referral", "police", "planned", null, null, null, null);
    }

    Path pack = dir.resolve("HN-2026-0007.zip");
    assertThat(
            Main.run(
                "case",
                "pack",
                "HN-2026-0007",
                "--out",
                pack.toString(),
                "--data",
                dir.resolve("data").toString()))
        .isZero();
    try (ZipFile zip = new ZipFile(pack.toFile())) {
      assertThat(zip.stream().map(e -> e.getName()).toList())
          .containsExactly("summary.pdf", "pages/" + sha + ".html", "manifest.json");
      try (InputStream in = zip.getInputStream(zip.getEntry("pages/" + sha + ".html"))) {
        assertThat(in.readAllBytes()).isEqualTo(html);
      }
      String text;
      try (InputStream in = zip.getInputStream(zip.getEntry("summary.pdf"));
          PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
        text = new PDFTextStripper().getText(pdf);
      }
      assertThat(text)
          .contains(
              "Hồ sơ vụ việc HN-2026-0007",
              "Nước hoa Chanel N°5 <script>alert(1)</script>",
              "counterfeit_confirmed",
              "giá quá thấp",
              "referral → police",
              "350000 < 10% of 3800000");
    }
    assertThat(CasePack.verify(pack)).isEmpty();

    // Change the page inside the pack: verify names it.
    try (FileSystem zipfs =
        FileSystems.newFileSystem(URI.create("jar:" + pack.toUri()), Map.of())) {
      Files.writeString(zipfs.getPath("pages/" + sha + ".html"), "<html>edited</html>");
    }
    assertThat(CasePack.verify(pack))
        .singleElement()
        .asString()
        .startsWith("pages/" + sha + ".html: SHA-256 ");
  }
}
