package org.markwatch.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.markwatch.detectors.DetectorConfig;
import org.markwatch.detectors.Detectors;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.pipeline.evidence.OfficialStores;
import org.markwatch.pipeline.evidence.ShopEvidence;
import tools.jackson.databind.JsonNode;

/**
 * Not a test: recall on labelled-flagged and false-positive rate on labelled-clean listings, with
 * and without the shop-level evidence, over labelled sets ({@code LISTINGS LABELS} pairs in the
 * dev-set label format). Shops are grouped as the job groups them ({@link ScoreFunction#shopKey});
 * the evidence is applied with the job's rule (all of a shop's listings known, as at the end of a
 * run). Run with the test class path (see the README's ScoringJobBench line):
 *
 * <pre>java ... org.markwatch.pipeline.ShopEvidenceEval CONF LISTINGS LABELS [LISTINGS LABELS]...
 * </pre>
 */
public final class ShopEvidenceEval {
  private ShopEvidenceEval() {}

  public static void main(String[] args) throws Exception {
    DetectorConfig config = DetectorConfFiles.read(Path.of(args[0]));
    List<Listing> listings = new ArrayList<>();
    Map<String, Boolean> labels = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      for (String line : Files.readAllLines(Path.of(args[i]))) {
        if (!line.isBlank()) {
          listings.add(JsonCodec.decodeListing(line).value());
        }
      }
      for (String line : Files.readAllLines(Path.of(args[i + 1]))) {
        if (!line.isBlank()) {
          JsonNode n = JsonCodec.mapper().readTree(line);
          labels.put(n.get("id").asString(), n.get("flagged").asBoolean());
        }
      }
    }
    try (Detectors d = Detectors.create(config)) {
      List<Scored> scored = d.scoreAll(listings);
      Map<String, int[]> shops = new HashMap<>(); // admitting, total, shop
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < listings.size(); i++) {
        Listing l = listings.get(i);
        String seller = l.seller() == null ? null : l.seller().id();
        String key = ScoreFunction.shopKey(l, seller == null || seller.isBlank() ? null : seller);
        keys.add(key);
        if (!key.isEmpty()) {
          int[] c = shops.computeIfAbsent(key, k -> new int[2]);
          c[0] += ShopEvidence.replicaPhrase(scored.get(i)) != null ? 1 : 0;
          c[1]++;
        }
      }
      int pos = 0;
      int neg = 0;
      int tpBefore = 0;
      int tpAfter = 0;
      int fpBefore = 0;
      int fpAfter = 0;
      int raised = 0;
      for (int i = 0; i < listings.size(); i++) {
        Boolean label = labels.get(listings.get(i).id());
        if (label == null) {
          continue;
        }
        Scored s = scored.get(i);
        boolean after = s.flagged();
        int[] c = keys.get(i).isEmpty() ? null : shops.get(keys.get(i));
        if (c != null
            && ShopEvidence.replicaPhrase(s) == null
            && ShopEvidence.branded(s)
            && !OfficialStores.official(d.catalog(), listings.get(i), s)
            && ShopEvidence.qualifies(c[0], c[1] - 1)) {
          Scored r = ShopEvidence.raise(s, ShopEvidence.shopSignal("…", c[0], c[1] - 1));
          raised += r.flagged() && !s.flagged() ? 1 : 0;
          after = r.flagged();
        }
        if (label) {
          pos++;
          tpBefore += s.flagged() ? 1 : 0;
          tpAfter += after ? 1 : 0;
        } else {
          neg++;
          fpBefore += s.flagged() ? 1 : 0;
          fpAfter += after ? 1 : 0;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "listings=%d shops=%d (with >1 listing: %d) newly_flagged_by_shop=%d%n"
              + "recall without=%d/%d with=%d/%d; false positives without=%d/%d with=%d/%d%n",
          listings.size(),
          shops.size(),
          shops.values().stream().filter(c -> c[1] > 1).count(),
          raised,
          tpBefore,
          pos,
          tpAfter,
          pos,
          fpBefore,
          neg,
          fpAfter,
          neg);
    }
  }
}
