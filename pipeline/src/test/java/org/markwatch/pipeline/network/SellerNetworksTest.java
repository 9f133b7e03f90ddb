package org.markwatch.pipeline.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SellerNetworksTest {
  /** The union-find's state in hash maps, as the Flink job keeps it in map states. */
  static final class MapStore implements SellerNetworks.Store {
    final Map<String, String> roots = new HashMap<>();
    final Map<String, List<String>> members = new HashMap<>();
    final Map<String, String> ids = new HashMap<>();

    @Override
    public String root(String seller) {
      return roots.get(seller);
    }

    @Override
    public void setRoot(String seller, String root) {
      roots.put(seller, root);
    }

    @Override
    public List<String> members(String root) {
      return members.get(root);
    }

    @Override
    public void setMembers(String root, List<String> list) {
      if (list == null) {
        members.remove(root);
      } else {
        members.put(root, list);
      }
    }

    @Override
    public String networkId(String root) {
      return ids.get(root);
    }

    @Override
    public void setNetworkId(String root, String id) {
      if (id == null) {
        ids.remove(root);
      } else {
        ids.put(root, id);
      }
    }
  }

  @Test
  void aFirstLinkFormsANetworkNamedAfterItsFounderAndGrowingKeepsTheId() {
    SellerNetworks n = new SellerNetworks(new MapStore());
    assertThat(n.networkOf("shopee:a")).isNull();
    SellerNetworks.Change first = n.link("shopee:a", "facebook:b");
    assertThat(first.networkId()).isEqualTo(SellerNetworks.idFor("facebook:b"));
    assertThat(first.moved()).containsExactlyInAnyOrder("shopee:a", "facebook:b");
    assertThat(first.absorbed()).isNull();

    SellerNetworks.Change grow = n.link("lazada:c", "shopee:a");
    assertThat(grow.networkId()).isEqualTo(first.networkId());
    assertThat(grow.moved()).containsExactly("lazada:c");

    SellerNetworks.Change again = n.link("lazada:c", "facebook:b");
    assertThat(again.moved()).isEmpty();
    assertThat(again.networkId()).isEqualTo(first.networkId());
    assertThat(n.link("lazada:c", "lazada:c").moved()).isEmpty();
  }

  @Test
  void whenTwoNetworksMergeTheLargerKeepsItsIdAndTheSmallerMoves() {
    SellerNetworks n = new SellerNetworks(new MapStore());
    String big = n.link("a1", "a2").networkId();
    n.link("a1", "a3");
    String small = n.link("b1", "b2").networkId();
    assertThat(big).isNotEqualTo(small);

    SellerNetworks.Change merge = n.link("b2", "a3");
    assertThat(merge.networkId()).isEqualTo(big);
    assertThat(merge.absorbed()).isEqualTo(small);
    assertThat(merge.moved()).containsExactlyInAnyOrder("b1", "b2");
    for (String s : List.of("a1", "a2", "a3", "b1", "b2")) {
      assertThat(n.networkOf(s)).isEqualTo(big);
    }
  }

  /** Against a brute-force reachability over random links: the same components. */
  @Test
  void componentsAreTheConnectedComponentsOfTheLinks() {
    Random random = new Random(15);
    MapStore store = new MapStore();
    SellerNetworks n = new SellerNetworks(store);
    int sellers = 300;
    List<int[]> links = new ArrayList<>();
    for (int i = 0; i < 220; i++) {
      int a = random.nextInt(sellers);
      int b = random.nextInt(sellers);
      links.add(new int[] {a, b});
      n.link("s" + a, "s" + b);
    }
    int[] label = new int[sellers];
    for (int i = 0; i < sellers; i++) {
      label[i] = i;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[] l : links) {
        int m = Math.min(label[l[0]], label[l[1]]);
        if (label[l[0]] != m || label[l[1]] != m) {
          label[l[0]] = m;
          label[l[1]] = m;
          changed = true;
        }
      }
    }
    for (int a = 0; a < sellers; a++) {
      for (int b = a + 1; b < sellers; b++) {
        String na = n.networkOf("s" + a);
        String nb = n.networkOf("s" + b);
        boolean same = na != null && na.equals(nb);
        assertThat(same).as("s%d and s%d", a, b).isEqualTo(label[a] == label[b] && na != null);
      }
    }
    // every root's member list holds exactly the sellers whose root it is
    store.members.forEach(
        (root, members) -> members.forEach(m -> assertThat(store.roots.get(m)).isEqualTo(root)));
  }
}
