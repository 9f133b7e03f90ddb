package org.markwatch.pipeline.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;
import org.markwatch.pipeline.network.ContactKey;

class ShopEvidenceTest {
  private static final BrandHit GUCCI = new BrandHit("gucci", "Gucci", "title", "exact");

  private static Scored clean() {
    return Scored.of("l1", "v1", 0.1, false, List.of(), List.of(GUCCI), List.of());
  }

  @Test
  void aShopBetraysItselfWithTwoAdmittingListingsThatAreAQuarterOfTheOthers() {
    assertThat(ShopEvidence.qualifies(1, 1)).isFalse(); // one odd title is not a shop
    assertThat(ShopEvidence.qualifies(2, 3)).isTrue();
    assertThat(ShopEvidence.qualifies(2, 8)).isTrue();
    assertThat(ShopEvidence.qualifies(2, 9)).isFalse(); // a big genuine shop with two odd titles
    assertThat(ShopEvidence.qualifies(30, 100)).isTrue();
  }

  @Test
  void theShopSignalFlagsABrandedListingAndSaysWhy() {
    Scored before =
        Scored.of(
            "l1",
            "v1",
            0.2,
            false,
            List.of(),
            List.of(GUCCI),
            List.of(
                new Signal(
                    "counterfeit.price-far-below-market", 0.2, "counterfeit", "price", "x")));
    Scored raised = ShopEvidence.raise(before, ShopEvidence.shopSignal("rep 1:1", 3, 4));
    assertThat(raised.flagged()).isTrue();
    assertThat(raised.violations()).containsExactly("counterfeit");
    assertThat(raised.score()).isEqualTo(0.68); // 1 - 0.8 * 0.4
    assertThat(raised.signals())
        .extracting(Signal::evidence)
        .contains("shop's other listings say \"rep 1:1\" (3 of 4)");
    // raising again with newer counts replaces the signal, it does not stack
    Scored again = ShopEvidence.raise(raised, ShopEvidence.shopSignal("rep 1:1", 4, 5));
    assertThat(again.signals()).hasSize(2);
    assertThat(again.score()).isEqualTo(0.68);
  }

  @Test
  void otherViolationsAreKeptInTheirOrder() {
    Scored before =
        Scored.of(
            "l1",
            "v1",
            0.9,
            true,
            List.of("smuggled"),
            List.of(GUCCI),
            List.of(new Signal("origin.hand-carried", 0.9, "smuggled", "title", "xách tay")));
    Scored raised = ShopEvidence.raise(before, ShopEvidence.shopSignal("like auth", 2, 2));
    assertThat(raised.violations()).containsExactly("smuggled", "counterfeit");
  }

  @Test
  void admissionAndBrandAreReadFromTheVerdict() {
    Scored admits =
        Scored.of(
            "l2",
            "v1",
            0.95,
            true,
            List.of("counterfeit"),
            List.of(GUCCI),
            List.of(new Signal("counterfeit.admission", 0.95, "counterfeit", "title", "rep 1:1")));
    assertThat(ShopEvidence.replicaPhrase(admits)).isEqualTo("rep 1:1");
    assertThat(ShopEvidence.replicaPhrase(clean())).isNull();
    assertThat(ShopEvidence.branded(clean())).isTrue();
    Scored onlyShopName =
        Scored.of(
            "l3",
            "v1",
            0,
            false,
            List.of(),
            List.of(new BrandHit("gucci", "Gucci", "seller", "exact")),
            List.of());
    assertThat(ShopEvidence.branded(onlyShopName)).isFalse();
  }

  @Test
  void violatorsLinkedByContactOrNetworkOrTheSellerItself() {
    OffenderIndex idx =
        new OffenderIndex(
            Set.of("v1", "v2", "v3", "v4"),
            Map.of("net-1", Set.of("v1", "v2", "v3", "v4")),
            Map.of("s", "net-1", "v1", "net-1"),
            Map.of("phone:0912345678", Set.of("v1", "v2", "v3")));
    OffenderIndex.Finding byPhone = idx.find("x", List.of(new ContactKey("phone", "0912345678")));
    assertThat(byPhone.text()).isEqualTo("shares phone 0912345678 with 3 confirmed violators");
    assertThat(byPhone.weight()).isEqualTo(0.6);
    OffenderIndex.Finding byNetwork = idx.find("s", List.of(new ContactKey("email", "a@b.vn")));
    assertThat(byNetwork.text()).isEqualTo("is in seller network net-1 with 4 confirmed violators");
    assertThat(idx.find("v1", List.of()).text()).contains("repeat offender");
    assertThat(idx.find("nobody", List.of(new ContactKey("phone", "0999999999")))).isNull();
    Scored raised = ShopEvidence.raise(clean(), ShopEvidence.networkSignal(byPhone));
    assertThat(raised.flagged()).isTrue();
    assertThat(raised.signals())
        .extracting(Signal::rule)
        .containsExactly(ShopEvidence.NETWORK_RULE);
  }
}
