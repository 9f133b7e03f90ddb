package org.markwatch.app.benchqueue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.storage.ScoredListing;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads generated listings into PostgreSQL with COPY: the same rows the storage module's upsert
 * writes (seller, listing, observation, verdict history and current verdict, violations, review),
 * a chunk per transaction. Only for fresh bench databases: it inserts, it never merges, so it is
 * the bulk-load ceiling the upsert path is compared with.
 */
public final class CopyLoader {
  private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("sellers", "id, platform, name, province, phones, first_seen, last_seen, content_sha256, province_code");
    COLUMNS.put("listings", "id, platform, kind, url, title, price_amount, price_currency, seller_id, observed_at,"
        + " listing_json, content_sha256");
    COLUMNS.put("observations", "id, listing_id, observed_at, title, price_amount, price_currency, seller_id,"
        + " listing_json");
    COLUMNS.put("observation_verdicts", "observation_id, ruleset_version, listing_id, score, flagged, violations,"
        + " scored_at, scored_json, content_sha256");
    COLUMNS.put("verdicts", "listing_id, ruleset_version, score, flagged, top_violation, violations, brands,"
        + " scored_at, scored_json, content_sha256, observation_id, ruleset_seq");
    COLUMNS.put("verdict_violations", "listing_id, violation, position");
    COLUMNS.put("reviews", "listing_id, state, queued_at");
  }

  private final long rulesetSeq;

  public CopyLoader(long rulesetSeq) {
    this.rulesetSeq = rulesetSeq;
  }

  /** Loads listings [from, to) in one transaction; returns the rows written over all tables. */
  public long load(Connection c, long from, long to) throws SQLException, IOException {
    Map<String, StringBuilder> csv = new LinkedHashMap<>();
    COLUMNS.keySet().forEach(t -> csv.put(t, new StringBuilder()));
    for (long i = from; i < to; i++) {
      ScoredListing sl = BenchListings.listing(i);
      Listing l = sl.listing();
      Scored s = sl.scored();
      String listingJson = JsonCodec.mapper().writeValueAsString(l);
      String scoredJson = JsonCodec.mapper().writeValueAsString(s);
      String hash = sha256(listingJson);
      String at = l.observedAt();
      String price = l.price().amount().toPlainString();
      if (i % BenchListings.PER_SELLER == 0) {
        Seller sel = l.seller();
        long si = i / BenchListings.PER_SELLER;
        row(csv.get("sellers"), sel.id(), "bench", sel.name(), sel.province(), String.join(",", sel.phones()), at, at,
            sha256(sel.id()), BenchListings.province(si).code());
      }
      row(csv.get("listings"), l.id(), "bench", "listing", l.url(), l.title(), price, "VND", l.seller().id(), at,
          listingJson, hash);
      row(csv.get("observations"), hash, l.id(), at, l.title(), price, "VND", l.seller().id(), listingJson);
      String violations = String.join(",", s.violations());
      row(csv.get("observation_verdicts"), hash, s.rulesetVersion(), l.id(), Double.toString(s.score()),
          Boolean.toString(s.flagged()), violations, at, scoredJson, sha256(scoredJson));
      row(csv.get("verdicts"), l.id(), s.rulesetVersion(), Double.toString(s.score()), Boolean.toString(s.flagged()),
          s.violations().isEmpty() ? null : s.violations().getFirst(), violations,
          String.join(",", s.brands().stream().map(b -> b.brand()).distinct().toList()), at, scoredJson,
          sha256(scoredJson), hash, Long.toString(rulesetSeq));
      List<String> vs = s.violations();
      for (int p = 0; p < vs.size(); p++) {
        row(csv.get("verdict_violations"), l.id(), vs.get(p), Integer.toString(p));
      }
      if (s.flagged()) {
        row(csv.get("reviews"), l.id(), "new", at);
      }
    }
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    long rows = 0;
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      for (Map.Entry<String, StringBuilder> e : csv.entrySet()) {
        if (!e.getValue().isEmpty()) {
          rows += copy.copyIn("COPY " + e.getKey() + " (" + COLUMNS.get(e.getKey()) + ") FROM STDIN WITH (FORMAT csv)",
              new StringReader(e.getValue().toString()));
        }
      }
      c.commit();
    } catch (SQLException | IOException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    return rows;
  }

  /** One CSV line: null is an unquoted empty field (NULL to COPY), everything else quoted. */
  private static void row(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      if (fields[i] != null) {
        out.append('"').append(fields[i].replace("\"", "\"\"")).append('"');
      }
    }
    out.append('\n');
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
