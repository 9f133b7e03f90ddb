package org.markwatch.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;

/**
 * The phrasing probe {@code phrasings/phrasings.tsv}: how sellers word each violation in words the
 * rule examples and the dev set do not use, and genuine listings that look alike. Every line must
 * come out as labelled; a miss prints the line, what was found and which rules fired.
 */
class PhrasingsTest {
  record Line(int number, String violation, String title, String text, long price) {}

  @Test
  void everyPhrasingGetsItsVerdict() throws IOException {
    List<Line> lines = read();
    assertThat(lines).hasSizeGreaterThan(60);
    List<String> wrong = new ArrayList<>();
    {
      Detectors d = TestData.defaultDetectors(); // shared, never closed
      List<Listing> listings = lines.stream().map(PhrasingsTest::listing).toList();
      List<Scored> scored = d.scoreAll(listings);
      for (int i = 0; i < lines.size(); i++) {
        Line l = lines.get(i);
        Scored s = scored.get(i);
        boolean right =
            "-".equals(l.violation()) ? !s.flagged() : s.violations().contains(l.violation());
        if (!right) {
          wrong.add(
              "phrasings.tsv:"
                  + l.number()
                  + " want "
                  + l.violation()
                  + ", got "
                  + s.violations()
                  + " "
                  + s.signals().stream().map(sig -> sig.rule() + "=" + sig.evidence()).toList()
                  + ": "
                  + l.title());
        }
      }
    }
    assertThat(wrong).as("phrasings with the wrong verdict").isEmpty();
  }

  private static Listing listing(Line l) {
    return Listing.builder(
            "phrasing:" + l.number(),
            "shopee",
            "https://example.invalid/p/" + l.number(),
            "2026-11-01T00:00:00Z")
        .title(l.title())
        .text(l.text().isEmpty() ? null : l.text())
        .price(Money.vnd(l.price()))
        .seller(Seller.named("shopee:shop:probe", "Shop Minh Anh"))
        .build();
  }

  private static List<Line> read() throws IOException {
    String text;
    try (InputStream in = PhrasingsTest.class.getResourceAsStream("/phrasings/phrasings.tsv")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Line> out = new ArrayList<>();
    String[] rows = text.split("\n");
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].isBlank() || rows[i].startsWith("#")) {
        continue;
      }
      String[] f = rows[i].split("\t", -1);
      if (f.length != 4) {
        throw new IllegalArgumentException(
            "phrasings.tsv:" + (i + 1) + ": want 4 tab-separated fields, got " + f.length);
      }
      out.add(new Line(i + 1, f[0], f[1], f[2], Long.parseLong(f[3])));
    }
    return out;
  }
}
