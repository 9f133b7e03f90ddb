package org.markwatch.detectors.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiryDatesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HSD: 05/2026                          | 2026-05-31",
        "HSD 12/03/2025                        | 2025-03-12",
        "hạn sử dụng: 12.03.2025               | 2025-03-12",
        "Hạn dùng 2025-10-01                   | 2025-10-01",
        "EXP 10/2025                           | 2025-10-31",
        "exp. date 2025/10                     | 2025-10-31",
        "date 6/25                             | 2025-06-30",
        "han su dung den 02/2024               | 2024-02-29",
        "HSD: tháng 5/2026                     | 2026-05-31",
        "Expiry date: 31-12-2025               | 2025-12-31",
        "best before 12 Dec 2025               | 2025-12-12",
        "EXP: NOV 2025                         | 2025-11-30",
        "use by 2026.01.15                     | 2026-01-15",
        "HSD 1/3/26                            | 2026-03-01",
        "NSX/HSD: 01/2024 - 01/2026            | 2026-01-31",
        "MFG/EXP 2024-01-05 ~ 2026-07-05       | 2026-07-05",
        "Sữa bột xả kho, NSX 01/2024, HSD 6/25 | 2025-06-30",
        "best before 12-Dec-2025               | 2025-12-12",
        "exp dec. / 25                         | 2025-12-31",
        "EXP   12   dec   2025                 | 2025-12-12",
        "NSX/HSD: 01/2024 đến 01/2026          | 2026-01-31",
        "exp  .  date 2025 / 10                | 2025-10-31",
        "best before 3 September 2025          | 2025-09-03",
        "EXP: June 2026                        | 2026-06-30",
      })
  void readsTheExpiryDate(String text, LocalDate lastDay) {
    List<ExpiryDates.Found> found = ExpiryDates.find(text.strip());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).lastDay()).isEqualTo(lastDay);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NSX: 05/2024",
        "MFG 10/2025",
        "ngày sản xuất 12.03.2025",
        "Ngày sản xuất: 2025-10-01",
        "manufacture date 10/2025",
        "Mfg date: 2025/10",
        "Release date 10/2024",
        "ship date 6/25",
        "HSD 24 tháng kể từ NSX",
        "HSD 3 năm",
        "HSD 25/12",
        "HSD 31/02/2026",
        "HSD 13/2026",
        "Rolex Submariner Date 126610LN",
        "export 10/2025",
        "giá 150.000đ, date xa",
        "NSX/HSD: 01/2024",
        "liên hệ 0912/345/678",
        "HSD marketing 2025",
        "exp mayday 2025",
        "Ngày đăng / Date: 01/03/2024",
      })
  void findsNoExpiryDate(String text) {
    assertThat(ExpiryDates.find(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theEvidenceIsTheTextAsWritten() {
    var found = ExpiryDates.find("Xả kho sữa Similac HSD: 05/2025, còn nguyên hộp");
    assertThat(found)
        .singleElement()
        .satisfies(f -> assertThat(f.text()).isEqualTo("HSD: 05/2025"));
    // decomposed accents (NFD, as some keyboards send them) are read as the composed form
    String nfd =
        java.text.Normalizer.normalize("Hạn sử dụng: 12.03.2025", java.text.Normalizer.Form.NFD);
    assertThat(ExpiryDates.find(nfd))
        .singleElement()
        .satisfies(f -> assertThat(f.lastDay()).isEqualTo(LocalDate.of(2025, 3, 12)));
  }

  /**
   * Scraped text is hostile: a label followed by a long run of blanks once made the matcher
   * backtrack quadratically (minutes for 100 KB). Each of these must be read in well under a
   * second.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"exp", "hsd jan", "nsx/hsd 01/2024", "hsd 1", "exp", "hsd 1 -"})
  void longBlankRunsAfterALabelAreReadInLinearTime(String label) {
    String hostile = label + " ".repeat(100_000) + "x 1";
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(2), () -> assertThat(ExpiryDates.find(hostile)).isEmpty());
    String many = (label + " ".repeat(200) + "x ").repeat(500);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(2), () -> assertThat(ExpiryDates.find(many)).isEmpty());
  }

  /** An expiry label and a date written in one of the supported forms, with its last valid day. */
  record Written(String label, String date, LocalDate lastDay) {
    String text() {
      return label + date;
    }
  }

  @Provide
  Arbitrary<Written> writtenExpiry() {
    Arbitrary<LocalDate> days =
        Arbitraries.integers().between(0, 365 * 30).map(n -> LocalDate.of(2001, 1, 1).plusDays(n));
    Arbitrary<String> labels =
        Arbitraries.of(
            "HSD: ",
            "HSD ",
            "hạn sử dụng: ",
            "Hạn dùng ",
            "EXP ",
            "exp. date ",
            "date ",
            "Expiry date: ",
            "han su dung ",
            "best before ");
    Arbitrary<Integer> forms = Arbitraries.integers().between(0, 6);
    return Combinators.combine(labels, days, forms)
        .as(
            (label, d, form) ->
                switch (form) {
                  case 0 ->
                      new Written(
                          label,
                          String.format(
                              "%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()),
                          d);
                  case 1 ->
                      new Written(
                          label,
                          String.format(
                              "%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()),
                          d);
                  case 2 -> new Written(label, d.toString(), d);
                  case 3 ->
                      new Written(
                          label,
                          String.format("%02d/%d", d.getMonthValue(), d.getYear()),
                          YearMonth.from(d).atEndOfMonth());
                  case 4 ->
                      new Written(
                          label,
                          String.format("%d/%02d", d.getYear(), d.getMonthValue()),
                          YearMonth.from(d).atEndOfMonth());
                  case 5 ->
                      new Written(
                          label,
                          String.format("%d/%02d", d.getMonthValue(), d.getYear() % 100),
                          YearMonth.from(d).atEndOfMonth());
                  default ->
                      new Written(
                          label,
                          String.format(
                              "%d-%d-%02d",
                              d.getDayOfMonth(), d.getMonthValue(), d.getYear() % 100),
                          d);
                });
  }

  @Property
  void everyWrittenFormReadsBackItsLastDay(@ForAll("writtenExpiry") Written w) {
    assertThat(ExpiryDates.find("Sữa bột chính hãng, " + w.text() + ", giá tốt"))
        .singleElement()
        .satisfies(f -> assertThat(f.lastDay()).isEqualTo(w.lastDay()));
  }

  @Property
  void aManufactureLabelIsNeverReadAsExpiry(
      @ForAll("writtenExpiry") Written w, @ForAll("manufactureLabels") String mfg) {
    assertThat(ExpiryDates.find("Hàng mới về " + mfg + w.date() + " nguyên seal")).isEmpty();
  }

  @Property
  void besideAManufactureDateOnlyTheExpiryDateIsRead(
      @ForAll("writtenExpiry") Written made,
      @ForAll("writtenExpiry") Written expiry,
      @ForAll("manufactureLabels") String mfg) {
    assertThat(ExpiryDates.find(mfg + made.date() + ", " + expiry.text()))
        .singleElement()
        .satisfies(f -> assertThat(f.lastDay()).isEqualTo(expiry.lastDay()));
  }

  @Provide
  Arbitrary<String> manufactureLabels() {
    return Arbitraries.of(
        "NSX: ", "NSX ", "ngày sản xuất: ", "MFG ", "Mfg date: ", "manufacture date ", "Ngày SX: ");
  }
}
