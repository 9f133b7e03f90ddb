package org.markwatch.detectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.TestData;
import org.markwatch.detectors.config.ConfigException;

class BrandImportTest {
  private static final String HEADER = BrandImport.CSV_HEADER + "\n";

  @Test
  void rowsOfOneBrandMergeAndRoundTripThroughTheCatalogFormat() {
    List<Brand> brands =
        BrandImport.fromCsv(
            "owner.csv",
            HEADER
                + "bitis,Biti's,fashion,\"Bitis|Biti s\",,,,,,,\n"
                + "bitis,,,,Hunter X,shoes,700000,1200000,,,\n"
                + "bitis,,,,,sandals,300000,,,,\n"
                + "bitis,,,,,,,,shopee,Biti's Official Store,shopee:shop:1\n");
    assertThat(brands)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.aliases()).containsExactly("Bitis", "Biti s");
              assertThat(b.lines())
                  .containsExactly(
                      new ProductLine("Hunter X", List.of(), "shoes", 700_000L, 1_200_000L));
              assertThat(b.prices()).containsEntry("sandals", 300_000L);
              assertThat(b.officialStores())
                  .containsExactly(
                      new OfficialStore("shopee", "Biti's Official Store", "shopee:shop:1"));
            });
    String yaml = BrandFileWriter.toYaml("imported", true, brands);
    BrandCatalog back = BrandCatalogReader.read(Map.of("brands/imported.yaml", yaml));
    assertThat(back.brand("bitis"))
        .get()
        .extracting(Brand::name, Brand::fuzzy)
        .containsExactly("Biti's", true);
  }

  @Test
  void errorsNameFileAndLine() {
    assertThatThrownBy(() -> BrandImport.fromCsv("owner.csv", "id,name\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("owner.csv:1:1: header must be");
    assertThatThrownBy(
            () ->
                BrandImport.fromCsv(
                    "owner.csv", HEADER + "acme,Acme,x,,,,,,,,\nacme,,,,L,shoes,cheap,,,,\n"))
        .hasMessageStartingWith("owner.csv:3:")
        .hasMessageContaining("min_price_vnd must be a whole number");
    assertThatThrownBy(() -> BrandImport.fromCsv("owner.csv", HEADER + "acme,Acme,x\n"))
        .hasMessageStartingWith("owner.csv:2:")
        .hasMessageContaining("expected 11 columns, found 3");
    assertThatThrownBy(
            () ->
                BrandImport.fromCsv(
                    "owner.csv", HEADER + "acme,Acme,x,,,,,,,,\nacme,Other,x,,,,,,,,\n"))
        .hasMessageStartingWith("owner.csv:3:")
        .hasMessageContaining("differs");
  }

  @Test
  void theRetailListImportsForScaleWithUniqueValidIds() throws Exception {
    String tsv = Files.readString(TestData.shared().resolve("data/brands/retail_brands.tsv"));
    // the default catalog without its own import of this list (retail.yaml, see RetailCatalogTest)
    Map<String, String> coreFiles = new java.util.TreeMap<>(TestData.defaultConfig().brandFiles());
    coreFiles.remove("brands/retail.yaml");
    BrandCatalog core = BrandCatalogReader.read(coreFiles);
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    core.brands()
        .forEach(
            b -> {
              ids.add(b.id());
              names.addAll(b.names());
            });
    List<Brand> retail = BrandImport.fromRetailTsv("retail_brands.tsv", tsv, ids, names);
    assertThat(retail.size()).isGreaterThan(4_500);
    Map<String, String> files = new java.util.TreeMap<>(coreFiles);
    files.put("brands/retail.yaml", BrandFileWriter.toYaml("retail", false, retail));
    assertThat(BrandCatalogReader.read(files).size()).isEqualTo(core.size() + retail.size());
    assertThat(BrandImport.slug("Tiffany & Co.")).isEqualTo("tiffany-co");
    assertThat(BrandImport.slug("1 Соціальна Аптека")).isEqualTo("1-social-na-apteka");
  }
}
