package org.markwatch.detectors.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.TestData;
import org.markwatch.detectors.catalog.BrandCatalog;
import org.markwatch.detectors.catalog.BrandCatalogReader;
import org.markwatch.detectors.rules.RulesetCompiler;

/**
 * The lean presearchers index every query disjunct under the same fields with the same terms as
 * lucene-monitor's own, so the query index, the candidates and the matches are the same; checked on
 * the default configuration's queries (core and retail brands, lines, product words, rule phrases).
 */
class LeanPresearchersTest {
  @Test
  void multipassDocumentsEqualLucenes() throws IOException {
    assertSameDocuments(
        new LeanPresearchers.Multipass(TextMatcher.PASSES),
        new MultipassTermFilteredPresearcher(TextMatcher.PASSES));
  }

  @Test
  void onePassDocumentsEqualLucenes() throws IOException {
    assertSameDocuments(new LeanPresearchers.OnePass(), new TermFilteredPresearcher());
  }

  @Test
  void aTermsFieldGivesItsTermsEachTimeItIsRead() throws IOException {
    Query q = PhraseSet.of(List.of("louis vuitton"), List.of(Field.TITLE), true).toQuery();
    var doc = new LeanPresearchers.Multipass(2).indexQuery(q, Map.of());
    Map<String, List<String>> once = LeanPresearchers.fieldTerms(doc);
    assertThat(once).containsKeys("title", "title_0", "title_1");
    assertThat(once.get("title_0")).contains("vuitton");
    assertThat(LeanPresearchers.fieldTerms(doc)).isEqualTo(once);
  }

  private static void assertSameDocuments(Presearcher lean, Presearcher lucene) throws IOException {
    DetectorConfig config = TestData.defaultConfig();
    BrandCatalog catalog = BrandCatalogReader.read(config.brandFiles());
    TextMatcher.Builder b = TextMatcher.builder().commonWords(catalog.commonWords());
    new BrandQueries(catalog).register(b);
    new WordSense(catalog).register(b);
    new RulesetCompiler(b, catalog).compile(config.ruleFiles());
    QueryDecomposer decomposer = new QueryDecomposer();
    int compared = 0;
    int i = 0;
    for (var e : b.sets().entrySet()) {
      // every fifth query: enough of each kind, in a test that stays short
      if (i++ % 5 != 0) {
        continue;
      }
      for (Query disjunct : decomposer.decompose(e.getValue().toQuery())) {
        assertThat(LeanPresearchers.fieldTerms(lean.indexQuery(disjunct, Map.of())))
            .as(e.getKey() + " " + disjunct)
            .isEqualTo(LeanPresearchers.fieldTerms(lucene.indexQuery(disjunct, Map.of())));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(3_000);
  }
}
