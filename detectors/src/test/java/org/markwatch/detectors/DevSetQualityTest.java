package org.markwatch.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markwatch.model.BrandHit;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import tools.jackson.databind.JsonNode;

/** The quality goals of issue 4 on the labelled dev set, computed as eval_detect.py does. */
class DevSetQualityTest {
  @Test
  void devSetMeetsTheQualityGoals() throws Exception {
    Map<String, JsonNode> labels = new HashMap<>();
    for (String line : Files.readAllLines(TestData.shared().resolve("data/dev-labels.jsonl"))) {
      JsonNode n = JsonCodec.mapper().readTree(line);
      labels.put(n.get("id").asString(), n);
    }
    List<Listing> dev = TestData.devListings();
    Map<String, Listing> byId = new HashMap<>();
    dev.forEach(l -> byId.put(l.id(), l));
    int tp = 0, fp = 0, fn = 0, btp = 0, bfp = 0, bfn = 0;
    {
      Detectors d = TestData.defaultDetectors(); // shared, never closed
      List<Scored> scored = d.scoreAll(dev);
      for (Scored s : scored) {
        JsonNode lab = labels.get(s.listingId());
        boolean want = lab.get("flagged").asBoolean();
        if (want && s.flagged()) tp++;
        else if (want) fn++;
        else if (s.flagged()) fp++;
        Set<String> got = new HashSet<>();
        s.brands().stream().map(BrandHit::brand).forEach(got::add);
        Set<String> exp = new HashSet<>();
        lab.get("brands").forEach(b -> exp.add(b.asString()));
        for (String g : got) {
          if (exp.contains(g)) btp++;
          else bfp++;
        }
        for (String e : exp) {
          if (!got.contains(e)) bfn++;
        }
        if (want != s.flagged() || !got.equals(exp)) {
          System.out.printf(
              "dev miss: flagged %s want %s brands %s want %s | %s | %s%n",
              s.flagged(),
              want,
              got,
              exp,
              byId.get(s.listingId()).title(),
              s.signals().stream().map(g -> g.rule()).toList());
        }
      }
    }
    double p = tp / (double) (tp + fp), r = tp / (double) (tp + fn);
    double bp = btp / (double) (btp + bfp), br = btp / (double) (btp + bfn);
    double bf1 = 2 * bp * br / (bp + br);
    assertThat(p).as("flag precision").isGreaterThanOrEqualTo(0.97);
    assertThat(r).as("flag recall").isGreaterThanOrEqualTo(0.95);
    assertThat(bf1).as("brand F1").isGreaterThanOrEqualTo(0.97);
  }
}
