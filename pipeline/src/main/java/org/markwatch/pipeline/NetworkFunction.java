package org.markwatch.pipeline;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.markwatch.pipeline.network.SellerNetworks;

/**
 * The seller networks' union-find ({@link SellerNetworks}) in keyed state: roots, member lists and
 * network ids in {@link MapState}, so they are checkpointed and restored with the job. It runs as
 * one subtask under one key ({@link #KEY}): a link can join any two sellers, so the components are
 * one structure. Its work per link is a few map lookups (relabelling a merged network's smaller
 * side), small next to scoring; a graph too big for one subtask would need a distributed
 * connected-components algorithm instead.
 */
final class NetworkFunction extends KeyedProcessFunction<String, SellerLinkEvent, NetworkUpdate> {
  static final String KEY = "networks";

  private transient MapState<String, String> roots;
  private transient MapState<String, List<String>> members;
  private transient MapState<String, String> ids;
  private transient SellerNetworks networks;

  @Override
  public void open(OpenContext context) {
    roots =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("roots", Types.STRING, Types.STRING));
    members =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("members", Types.STRING, Types.LIST(Types.STRING)));
    ids =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("network-ids", Types.STRING, Types.STRING));
    networks = new SellerNetworks(new StateStore());
  }

  @Override
  public void processElement(SellerLinkEvent link, Context ctx, Collector<NetworkUpdate> out) {
    SellerNetworks.Change change = networks.link(link.sellerA(), link.sellerB());
    out.collect(
        new NetworkUpdate(
            link.sellerA(),
            link.sellerB(),
            link.contactKey(),
            link.observedMillis(),
            change.networkId(),
            String.join("\n", change.moved())));
  }

  /** The union-find's store over this function's keyed map states. */
  private final class StateStore implements SellerNetworks.Store {
    @Override
    public String root(String seller) {
      return call(() -> roots.get(seller));
    }

    @Override
    public void setRoot(String seller, String root) {
      call(
          () -> {
            roots.put(seller, root);
            return null;
          });
    }

    @Override
    public List<String> members(String root) {
      return call(() -> members.get(root));
    }

    @Override
    public void setMembers(String root, List<String> list) {
      call(
          () -> {
            if (list == null) {
              members.remove(root);
            } else {
              members.put(root, list);
            }
            return null;
          });
    }

    @Override
    public String networkId(String root) {
      return call(() -> ids.get(root));
    }

    @Override
    public void setNetworkId(String root, String id) {
      call(
          () -> {
            if (id == null) {
              ids.remove(root);
            } else {
              ids.put(root, id);
            }
            return null;
          });
    }
  }

  private interface StateCall<T> {
    T run() throws Exception;
  }

  private static <T> T call(StateCall<T> c) {
    try {
      return c.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("seller network state: " + e.getMessage(), e);
    }
  }
}
