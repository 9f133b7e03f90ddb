package org.markwatch.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.networks.NetworkMembership;
import org.markwatch.storage.networks.SellerLink;
import org.markwatch.storage.networks.SellerNetworkStore;

/**
 * Writes seller links and network memberships ({@link SellerNetworkStore#save}, MERGE by natural
 * key, so a replay after a restart writes the same rows) in batches of {@value #BATCH}, before
 * every checkpoint barrier and at the end of the input ({@link SinkWriter#flush}), then refreshes
 * the counts and risk score of each network it touched.
 */
final class NetworkSink implements Sink<NetworkUpdate> {
  static final int BATCH = 200;

  private final DatabaseSettings settings;

  NetworkSink(DatabaseSettings settings) {
    this.settings = settings;
  }

  @Override
  public SinkWriter<NetworkUpdate> createWriter(WriterInitContext context) {
    Database db = Database.openWithoutMigrating(settings.withMaxConnections(1));
    SellerNetworkStore store = new SellerNetworkStore(db.dataSource());
    return new SinkWriter<>() {
      private final List<SellerLink> links = new ArrayList<>();
      private final List<NetworkMembership> memberships = new ArrayList<>();

      @Override
      public void write(NetworkUpdate u, Context ctx) {
        Instant seen = Instant.ofEpochMilli(u.observedMillis());
        int colon = u.contactKey().indexOf(':');
        links.add(
            new SellerLink(
                u.sellerA(),
                u.sellerB(),
                u.contactKey().substring(0, colon),
                u.contactKey().substring(colon + 1),
                seen));
        if (!u.moved().isEmpty()) {
          for (String seller : u.moved().split("\n")) {
            memberships.add(new NetworkMembership(seller, u.networkId(), seen));
          }
        }
        if (links.size() >= BATCH) {
          flush(false);
        }
      }

      @Override
      public void flush(boolean endOfInput) {
        if (links.isEmpty() && memberships.isEmpty()) {
          return;
        }
        store.save(links, memberships);
        links.clear();
        memberships.clear();
      }

      @Override
      public void close() {
        db.close();
      }
    };
  }
}
