package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.markwatch.model.BrandHit;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;
import org.markwatch.pipeline.evidence.ShopEvidence;

/**
 * When {@link ShopEvidenceFunction} sends a shop's kept listings again, run in Flink's operator
 * harness (the real operator, its heap state and timer service, with processing time set by the
 * test): at once when the shop's signal appears or goes, at most once a minute when only its quoted
 * counts change, and at the end of the input with the final counts.
 */
class ShopEvidenceFunctionTest {
  private static final BrandHit GUCCI = new BrandHit("gucci", "Gucci", "title", "exact");
  private static final String SHOP = "seller:s1";

  private KeyedBroadcastOperatorTestHarness<String, ScoredRecord, DatabaseSnapshot, ScoredRecord>
      harness() throws Exception {
    var h =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new ShopEvidenceFunction(null),
            r -> r.facts().shopKey(),
            Types.STRING,
            ShopEvidenceFunction.OFFENDERS);
    h.open();
    return h;
  }

  private static ScoredRecord listing(String id, String phrase) {
    Scored base = Scored.of(id, "v1", 0.1, false, List.of(), List.of(GUCCI), List.of());
    return new ScoredRecord(
        "f",
        0,
        id,
        "s1",
        "{}",
        JsonCodec.encode(base),
        false,
        1L,
        new ShopFacts(SHOP, "s1", phrase, true, false, ""));
  }

  /** The shop signal's evidence on each revision sent (revisions only), by listing, in order. */
  private static List<String> revisions(List<ScoredRecord> out) {
    List<String> all = new ArrayList<>();
    for (ScoredRecord r : out) {
      if (r.revision()) {
        all.add(r.listingId() + " " + shopEvidence(r));
      }
    }
    return all;
  }

  private static String shopEvidence(ScoredRecord r) {
    Scored s = JsonCodec.mapper().readValue(r.scoredJson(), Scored.class);
    for (Signal g : s.signals()) {
      if (g.rule().equals(ShopEvidence.SHOP_RULE)) {
        return g.evidence();
      }
    }
    return "none";
  }

  @Test
  void theSignalAppearingRevisesAtOnceButNewCountsAloneWaitAMinute() throws Exception {
    try (var h = harness()) {
      h.setProcessingTime(0);
      h.processElement(listing("plain-0", ""), 1);
      h.processElement(listing("plain-1", ""), 1);
      h.processElement(listing("rep-0", "rep 1:1"), 1);
      h.processElement(listing("rep-1", "rep 1:1"), 1); // 2 of 3 admit: the shop qualifies
      h.setProcessingTime(1_000);
      assertThat(revisions(h.extractOutputValues()))
          .as("the kept plain listings sent again within a second with the new signal")
          .containsExactlyInAnyOrder(
              "plain-0 shop's other listings say \"rep 1:1\" (2 of 3)",
              "plain-1 shop's other listings say \"rep 1:1\" (2 of 3)");

      // more listings: the counts change with each, the signal's weight does not
      h.getOutput().clear();
      for (int i = 2; i < 30; i++) {
        h.processElement(listing("plain-" + i, ""), 1);
        h.processElement(listing("rep-" + i, "rep 1:1"), 1);
        h.setProcessingTime(1_000 + i * 1_000L);
      }
      assertThat(revisions(h.extractOutputValues()))
          .as("no revision for the counts alone within a minute of the last one")
          .isEmpty();
      h.setProcessingTime(61_000);
      List<String> recount = revisions(h.extractOutputValues());
      assertThat(recount)
          .as("one revision of each listing that shows old counts, a minute after the last")
          .hasSize(30)
          .allMatch(s -> s.endsWith("(30 of 59)"))
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void theEndOfTheInputLeavesEveryKeptListingWithTheWholeShopsCounts() throws Exception {
    try (var h = harness()) {
      h.setProcessingTime(0);
      for (int i = 0; i < 5; i++) {
        h.processElement(listing("rep-" + i, "rep 1:1"), 1);
        h.processElement(listing("plain-" + i, ""), 1);
      }
      // the end of both inputs, as a bounded run's last watermark
      h.processBroadcastWatermark(Long.MAX_VALUE);
      h.processWatermark(Long.MAX_VALUE);
      Map<String, String> last = new LinkedHashMap<>();
      for (ScoredRecord r : h.extractOutputValues()) {
        if (!r.facts().replicaPhrase().isEmpty()) {
          continue;
        }
        last.put(r.listingId(), shopEvidence(r));
      }
      assertThat(last).hasSize(5);
      assertThat(last.values())
          .as("the last verdict of each plain listing quotes the whole shop")
          .containsOnly("shop's other listings say \"rep 1:1\" (5 of 9)");
    }
  }

  @Test
  void theEndOfTheInputSoonAfterARevisionStillSendsTheFinalCounts() throws Exception {
    try (var h = harness()) {
      h.setProcessingTime(0);
      h.processElement(listing("plain-0", ""), 1);
      h.processElement(listing("rep-0", "rep 1:1"), 1);
      h.processElement(listing("rep-1", "rep 1:1"), 1);
      h.setProcessingTime(1_000); // revised: (2 of 2)
      h.processElement(listing("rep-2", "rep 1:1"), 1); // counts only: due a minute later
      h.setProcessingTime(2_000);
      h.processBroadcastWatermark(Long.MAX_VALUE);
      h.processWatermark(Long.MAX_VALUE);
      List<ScoredRecord> out = h.extractOutputValues();
      assertThat(shopEvidence(out.get(out.size() - 1)))
          .as("the end of the input does not wait for the minute")
          .isEqualTo("shop's other listings say \"rep 1:1\" (3 of 3)");
    }
  }

  @Test
  void aShopFallingBelowTheThresholdIsRevisedDownAtOnce() throws Exception {
    try (var h = harness()) {
      h.setProcessingTime(0);
      h.processElement(listing("rep-0", "rep 1:1"), 1);
      h.processElement(listing("rep-1", "rep 1:1"), 1);
      h.processElement(listing("plain-0", ""), 1); // raised: 2 of 2 others admit
      assertThat(shopEvidence(h.extractOutputValues().get(2))).contains("(2 of 2)");
      for (int i = 1; i < 10; i++) {
        h.processElement(listing("plain-" + i, ""), 1); // 2 of 10 others: below a quarter
      }
      h.getOutput().clear();
      h.setProcessingTime(1_000);
      List<String> down = revisions(h.extractOutputValues());
      assertThat(down)
          .as("the listings that passed raised are sent again without the shop signal")
          .contains("plain-0 none")
          .allMatch(s -> s.endsWith(" none"));
    }
  }
}
