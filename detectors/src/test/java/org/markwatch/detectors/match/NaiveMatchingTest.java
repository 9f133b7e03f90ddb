package org.markwatch.detectors.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.Detectors;
import org.markwatch.detectors.TestData;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;

/**
 * The benchmark's naive baseline must find what the batched matcher finds, or the comparison means
 * nothing.
 */
class NaiveMatchingTest {
  @Test
  void naiveAndBatchedMatchingAgreeOnTheDevSet() {
    List<Listing> dev = TestData.devListings();
    Detectors batched = TestData.defaultDetectors();
    try (Detectors naive = Detectors.create(TestData.defaultConfig(), Detectors.Matching.NAIVE)) {
      List<Scored> a = batched.scoreAll(dev);
      List<Scored> b = naive.scoreAll(dev);
      for (int i = 0; i < dev.size(); i++) {
        assertThat(b.get(i).flagged()).as(dev.get(i).title()).isEqualTo(a.get(i).flagged());
        assertThat(b.get(i).violations()).isEqualTo(a.get(i).violations());
        assertThat(b.get(i).brands().stream().map(BrandHit::brand).toList())
            .isEqualTo(a.get(i).brands().stream().map(BrandHit::brand).toList());
      }
    }
  }
}
