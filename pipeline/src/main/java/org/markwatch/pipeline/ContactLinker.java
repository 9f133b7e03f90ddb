package org.markwatch.pipeline;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by contact ({@code kind:value}): remembers the sellers seen with it and links each new one
 * to the first (enough for connectivity; the network keeps the rest). A contact shown by more than
 * {@value #MAX_SELLERS} sellers is a shared number (a platform hotline, a courier, a payment
 * gateway), not a shop's: it stops linking, so one such contact cannot merge unrelated shops.
 */
final class ContactLinker extends KeyedProcessFunction<String, ContactSighting, SellerLinkEvent> {
  static final int MAX_SELLERS = 50;

  private transient ValueState<String> first;
  private transient MapState<String, Boolean> sellers;
  private transient ValueState<Integer> count;

  @Override
  public void open(OpenContext context) {
    first = getRuntimeContext().getState(new ValueStateDescriptor<>("first-seller", Types.STRING));
    count = getRuntimeContext().getState(new ValueStateDescriptor<>("sellers", Types.INT));
    sellers =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("seen-sellers", Types.STRING, Types.BOOLEAN));
  }

  @Override
  public void processElement(ContactSighting s, Context ctx, Collector<SellerLinkEvent> out)
      throws Exception {
    if (sellers.contains(s.sellerId())) {
      return;
    }
    int n = count.value() == null ? 0 : count.value();
    if (n > MAX_SELLERS) {
      return;
    }
    count.update(n + 1);
    if (n == MAX_SELLERS) {
      return; // one too many: counted, never linked again (the seen set stops growing)
    }
    sellers.put(s.sellerId(), Boolean.TRUE);
    String f = first.value();
    if (f == null) {
      first.update(s.sellerId());
      return;
    }
    out.collect(new SellerLinkEvent(f, s.sellerId(), s.contactKey(), s.observedMillis()));
  }
}
