package org.markwatch.pipeline.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Connected components of sellers (union-find), kept incrementally as links arrive. Each component
 * has a root seller, the list of its members and, once it has two members, a network id. A link
 * between two components relabels the members of the smaller one (union by size: each seller is
 * relabelled at most log2(n) times), so finding a seller's network is one lookup.
 *
 * <p>The network id is {@code net-} + the first 16 hex digits of the SHA-256 of the seller that
 * formed it first (the smaller id of the first link); it is kept as the network grows, and when two
 * networks merge the larger one's id stays (ties: the smaller id), so an analyst's reference to a
 * network stays valid.
 *
 * <p>The state lives behind {@link Store}: a hash map in tests, Flink keyed state in the job.
 */
public final class SellerNetworks {
  /** Where the components live. */
  public interface Store {
    /** The root of the seller's component, or null for a seller never linked. */
    String root(String seller);

    void setRoot(String seller, String root);

    /** The members of the component rooted at {@code root}. */
    List<String> members(String root);

    /** Sets or (null) removes the member list of a root. */
    void setMembers(String root, List<String> members);

    String networkId(String root);

    /** Sets or (null) removes the network id of a root. */
    void setNetworkId(String root, String networkId);
  }

  /**
   * What a link changed.
   *
   * @param networkId the network both sellers are in now
   * @param moved sellers whose network is new to them (new members, or members of an absorbed
   *     network), empty when the link was inside one network already
   * @param absorbed the id of the network that merged into {@code networkId}, or null
   */
  public record Change(String networkId, List<String> moved, String absorbed) {}

  private final Store store;

  public SellerNetworks(Store store) {
    this.store = store;
  }

  /** The network of a seller, or null when it was never linked to another. */
  public String networkOf(String seller) {
    String root = store.root(seller);
    return root == null ? null : store.networkId(root);
  }

  /** Links two sellers (a shared contact); a seller linked to itself changes nothing. */
  public Change link(String a, String b) {
    if (a.equals(b)) {
      String n = networkOf(a);
      return new Change(n, List.of(), null);
    }
    String ra = rootOrSingleton(a);
    String rb = rootOrSingleton(b);
    if (ra.equals(rb)) {
      return new Change(store.networkId(ra), List.of(), null);
    }
    List<String> ma = store.members(ra);
    List<String> mb = store.members(rb);
    String ida = store.networkId(ra);
    String idb = store.networkId(rb);
    // the survivor: a network over a singleton, then the larger, then the smaller id
    boolean keepA;
    if ((ida == null) != (idb == null)) {
      keepA = ida != null;
    } else if (ma.size() != mb.size()) {
      keepA = ma.size() > mb.size();
    } else if (ida != null) {
      keepA = ida.compareTo(idb) < 0;
    } else {
      keepA = ra.compareTo(rb) < 0;
    }
    String keepRoot = keepA ? ra : rb;
    String goneRoot = keepA ? rb : ra;
    List<String> keep = new ArrayList<>(keepA ? ma : mb);
    List<String> gone = keepA ? mb : ma;
    String id = store.networkId(keepRoot);
    List<String> moved = new ArrayList<>();
    if (id == null) { // two singletons form a network
      id = idFor(keepRoot);
      store.setNetworkId(keepRoot, id);
      moved.addAll(keep);
    }
    String absorbed = store.networkId(goneRoot);
    for (String s : gone) {
      store.setRoot(s, keepRoot);
      keep.add(s);
      moved.add(s);
    }
    store.setMembers(keepRoot, keep);
    store.setMembers(goneRoot, null);
    store.setNetworkId(goneRoot, null);
    return new Change(id, moved, absorbed);
  }

  private String rootOrSingleton(String seller) {
    String r = store.root(seller);
    if (r == null) {
      store.setRoot(seller, seller);
      store.setMembers(seller, List.of(seller));
      return seller;
    }
    return r;
  }

  /** {@code net-} + 16 hex digits of SHA-256 of the founding seller's id. */
  public static String idFor(String seller) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256").digest(seller.getBytes(StandardCharsets.UTF_8));
      return "net-" + HexFormat.of().formatHex(h).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
