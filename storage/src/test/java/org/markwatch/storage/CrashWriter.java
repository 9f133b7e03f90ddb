package org.markwatch.storage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.markwatch.model.Scored;

/**
 * The child JVM of {@link CrashMidBatchIT}: writes batches of listings with {@link
 * ListingStore#saveAll} until it is killed, printing {@code begin K} before and {@code committed K}
 * after each batch, so the parent knows which batches must be there in full.
 *
 * <p>Arguments: JDBC URL, user, password, batch size. It starts writing when a line arrives on
 * standard input.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    DatabaseSettings settings = new DatabaseSettings(args[0], args[1], args[2]);
    int size = Integer.parseInt(args[3]);
    try (Database db = Database.openWithoutMigrating(settings)) {
      // Open the database (on H2 with AUTO_SERVER this process becomes the file's owner and
      // server), say so, then wait for the parent's go.
      db.connection().close();
      System.out.println("ready");
      if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
          == null) {
        return;
      }
      ListingStore store = new ListingStore(db.dataSource());
      for (int batch = 0; ; batch++) {
        System.out.println("begin " + batch);
        SaveResult r = store.saveAll(batch(batch, size));
        if (!r.rejected().isEmpty()) {
          System.out.println("rejected " + r.rejected());
          return;
        }
        System.out.println("committed " + batch);
      }
    }
  }

  /** Batch K: listings {@code crash:K:0 ..}, each flagged so reviews are written too. */
  static List<ScoredListing> batch(int batch, int size) {
    List<ScoredListing> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String id = "crash:" + batch + ":" + i;
      out.add(
          new ScoredListing(
              Fixtures.listing(
                  id,
                  "shopee",
                  "shopee:shop:crash" + (i % 7),
                  "Nước hoa lô " + batch + " số " + i,
                  "2026-11-01T07:00:00Z"),
              Scored.of(
                  id, "rules-crash-1", 0.9, true, List.of("counterfeit"), List.of(), List.of())));
    }
    return out;
  }
}
