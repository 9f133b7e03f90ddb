package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RulesetFileStoreTest {
  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void publishedFilesAreTheNewestPublicationAndARollbackMakesOldFilesNewestAgain(
      TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      RulesetFileStore store = new RulesetFileStore(db.dataSource());
      assertThat(store.newestPublished()).isEmpty();
      Map<String, String> a = Map.of("brands/core.yaml", "brands: []", "rules/x.yaml", "rules: []");
      Ruleset ra = store.publish("sha256:aaaa", a, "analyst-a", "first");
      assertThat(ra.status()).isEqualTo(Ruleset.Status.PUBLISHED);
      assertThat(store.newestPublished().orElseThrow().files()).isEqualTo(a);

      // a pipeline registering the conf's ruleset: newest, but without files
      new RulesetStore(db.dataSource()).ensurePublished("sha256:conf", "pipeline");
      RulesetFileStore.Published conf = store.newestPublished().orElseThrow();
      assertThat(conf.version()).isEqualTo("sha256:conf");
      assertThat(conf.hasFiles()).isFalse();

      // publishing a again (a rollback): newest again, files stored once
      store.publish("sha256:aaaa", a, "analyst-b", "rollback");
      RulesetFileStore.Published back = store.newestPublished().orElseThrow();
      assertThat(back.version()).isEqualTo("sha256:aaaa");
      assertThat(back.publishSeq()).isGreaterThan(conf.publishSeq());
      assertThat(store.files("sha256:aaaa")).isEqualTo(a);
      assertThat(store.files("sha256:unknown")).isEmpty();
    }
  }
}
