package org.markwatch.detectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.config.ConfigException;

/**
 * The CSV and TSV reading of {@link BrandImport} (jackson-dataformat-csv): quoting, line numbers,
 * line ends.
 */
class BrandImportCsvTest {
  private static final String HEADER = BrandImport.CSV_HEADER;

  @Test
  void quotedFieldsKeepCommasAndDoubledQuotes() {
    List<Brand> brands =
        BrandImport.fromCsv(
            "owner.csv",
            HEADER + "\n" + "acme,\"Acme, \"\"the\"\" shop\",tools,\" Acme Co | ACME \",,,,,,,\n");
    assertThat(brands)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.name()).isEqualTo("Acme, \"the\" shop");
              assertThat(b.aliases()).containsExactly("Acme Co", "ACME");
            });
  }

  @Test
  void byteOrderMarkCrlfAndBlankLinesAreAcceptedAndLinesStillCount() {
    String csv =
        "\uFEFF"
            + HEADER
            + "\r\n\r\nacme,Acme,tools,,,,,,,,\r\n   \r\nacme,,,,L,shoes,10,five,,,\r\n";
    assertThatThrownBy(() -> BrandImport.fromCsv("owner.csv", csv))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("owner.csv:5:")
        .hasMessageContaining("max_price_vnd must be a whole number");
    assertThat(BrandImport.fromCsv("owner.csv", csv.replace("five", "20")))
        .singleElement()
        .extracting(b -> b.lines().get(0).max())
        .isEqualTo(20L);
  }

  @Test
  void anUnclosedQuoteIsReportedWithItsLine() {
    assertThatThrownBy(
            () ->
                BrandImport.fromCsv(
                    "owner.csv", HEADER + "\nacme,Acme,tools,,,,,,,,\nbeta,\"Beta,tools,,,,,,,,\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("owner.csv:3:")
        .hasMessageContaining("unclosed quote");
  }

  @Test
  void tsvHasNoQuotingAndReportsShortRowsByLine() {
    String tsv =
        "brand\twikidata\tcategory\tlocationSet_include\tmatchNames\r\n"
            + "\"Quoted\" Market\tQ1\tshop/supermarket\t001\t\r\n"
            + "Zeta Bakery\tQ2\tshop/bakery\t001\tZeta;Zeta Bread\r\n";
    List<Brand> brands = BrandImport.fromRetailTsv("retail.tsv", tsv, Set.of(), Set.of());
    assertThat(brands).extracting(Brand::name).containsExactly("\"Quoted\" Market", "Zeta Bakery");
    assertThat(brands.get(1).aliases()).containsExactly("Zeta", "Zeta Bread");
    assertThatThrownBy(
            () ->
                BrandImport.fromRetailTsv("retail.tsv", tsv + "\nBroken\tQ3\n", Set.of(), Set.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("retail.tsv:5:")
        .hasMessageContaining("expected at least 3 tab-separated columns");
  }
}
