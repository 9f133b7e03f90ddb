package org.markwatch.storage.networks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;

/** Links, memberships, merges, risk and the repeat offenders' snapshot, on H2 and PostgreSQL. */
class SellerNetworkStoreTest {
  private static final Instant T1 = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant T2 = Instant.parse("2026-12-02T08:00:00Z");

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void networksAreStoredMergedCountedAndLinkedToViolators(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      SellerNetworkStore store = new SellerNetworkStore(db.dataSource());
      store.save(
          List.of(new SellerLink("a", "b", "phone", "0912345678", T2)),
          List.of(
              new NetworkMembership("a", "net-1", T2), new NetworkMembership("b", "net-1", T2)));
      store.save(
          List.of(new SellerLink("c", "d", "email", "rep@shop.vn", T1)),
          List.of(
              new NetworkMembership("c", "net-2", T1), new NetworkMembership("d", "net-2", T1)));
      assertThat(store.highestRisk(10)).extracting(SellerNetwork::id).contains("net-1", "net-2");

      // replaying a link seen earlier keeps its first time; a merge moves net-2's members
      store.save(
          List.of(
              new SellerLink("a", "b", "phone", "0912345678", T1),
              new SellerLink("b", "c", "zalo", "zalo-b", T2)),
          List.of(
              new NetworkMembership("c", "net-1", T2), new NetworkMembership("d", "net-1", T2)));
      assertThat(store.find("net-2")).isEmpty();
      SellerNetwork n = store.find("net-1").orElseThrow();
      assertThat(n.sellers()).isEqualTo(4);
      assertThat(n.violators()).isZero();
      assertThat(n.firstSeen()).isEqualTo(T1);
      assertThat(store.links("net-1"))
          .extracting(SellerLink::value, SellerLink::firstSeen)
          .contains(
              org.assertj.core.groups.Tuple.tuple("0912345678", T1),
              org.assertj.core.groups.Tuple.tuple("zalo-b", T2));
      assertThat(store.networkOf("d")).contains("net-1");

      try (Connection c = db.connection();
          PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO violators (seller_id, decision_ref, legal_basis, confirmed_by, confirmed_at)"
                      + " VALUES ('a', 'QD-1', 'Decree 98/2020/ND-CP art. 11', 'test', CURRENT_TIMESTAMP)")) {
        ps.executeUpdate();
      }
      store.refreshAll();
      SellerNetwork risky = store.find("net-1").orElseThrow();
      assertThat(risky.violators()).isEqualTo(1);
      assertThat(risky.riskScore()).isEqualTo(SellerNetworkStore.risk(1, 0, 0, 4, 0));

      RepeatOffenders.Snapshot s = new RepeatOffenders(db.dataSource()).load();
      assertThat(s.violators()).containsExactly("a");
      assertThat(s.networkViolators()).isEqualTo(Map.of("net-1", Set.of("a")));
      assertThat(s.memberNetworks()).containsOnlyKeys("a", "b", "c", "d");
      assertThat(s.contactViolators()).isEqualTo(Map.of("phone:0912345678", Set.of("a")));
    }
  }

  @org.junit.jupiter.api.Test
  void riskGrowsWithViolatorsFlaggedListingsAndSpread() {
    assertThat(SellerNetworkStore.risk(0, 10, 0, 2, 1)).isZero();
    assertThat(SellerNetworkStore.risk(1, 10, 0, 2, 1)).isEqualTo(0.6);
    assertThat(SellerNetworkStore.risk(2, 10, 0, 2, 1)).isEqualTo(0.84);
    assertThat(SellerNetworkStore.risk(0, 10, 10, 2, 1)).isEqualTo(0.5);
    assertThat(SellerNetworkStore.risk(0, 10, 0, 3, 2)).isEqualTo(0.1);
  }
}
