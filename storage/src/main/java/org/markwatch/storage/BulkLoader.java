package org.markwatch.storage;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads many scored listings fast, for benchmarks and first loads: on PostgreSQL through {@code
 * COPY} into temporary staging tables, then one set-based insert per table of the rows whose keys
 * are new (existing rows are left as they are: {@link ListingStore} is the path for updates). On
 * H2, or with {@link Method#JDBC_BATCH}, it is {@link ListingStore#saveAll}: the pipeline's own
 * batched MERGE. Both write the same rows (sellers, listings, observations, verdicts per
 * observation and current, verdict_violations, reviews of flagged listings), so the benchmark
 * compares like with like.
 */
public final class BulkLoader {
  public enum Method {
    JDBC_BATCH,
    COPY
  }

  /** What a load did: records written and the wall time. */
  public record Result(Method method, int listings, long millis) {
    public double perSecond() {
      return millis == 0 ? listings : listings * 1000.0 / millis;
    }
  }

  private final DataSource dataSource;
  private final boolean postgres;

  public BulkLoader(Database db) {
    this.dataSource = db.dataSource();
    this.postgres = db.settings().isPostgres();
  }

  public Result load(List<ScoredListing> records, Method method) {
    long start = System.nanoTime();
    if (method == Method.COPY && postgres) {
      copy(records);
    } else {
      SaveResult r = new ListingStore(dataSource).saveAll(records);
      if (!r.rejected().isEmpty()) {
        throw new StorageException(
            "bulk load refused "
                + r.rejected().size()
                + " records, first: "
                + r.rejected().get(0).listingId()
                + ": "
                + r.rejected().get(0).reason());
      }
    }
    return new Result(
        method == Method.COPY && postgres ? Method.COPY : Method.JDBC_BATCH,
        records.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private static final String[] SELLER_COLS = {
    "id",
    "platform",
    "name",
    "url",
    "province",
    "address",
    "phones",
    "tax_code",
    "business_registration",
    "verified",
    "first_seen",
    "last_seen",
    "content_sha256",
    "emails",
    "province_code"
  };
  private static final String[] LISTING_COLS = {
    "id",
    "platform",
    "kind",
    "url",
    "title",
    "price_amount",
    "price_currency",
    "seller_id",
    "observed_at",
    "crawl_run_id",
    "html_sha256",
    "screenshot_sha256",
    "listing_json",
    "content_sha256"
  };
  private static final String[] OBSERVATION_COLS = {
    "id",
    "listing_id",
    "observed_at",
    "title",
    "price_amount",
    "price_currency",
    "availability",
    "seller_id",
    "crawl_run_id",
    "html_sha256",
    "screenshot_sha256",
    "listing_json",
    "page_warc_file",
    "page_warc_offset",
    "page_warc_digest",
    "screenshot_warc_file",
    "screenshot_warc_offset",
    "screenshot_warc_digest"
  };
  private static final String[] OV_COLS = {
    "observation_id",
    "ruleset_version",
    "listing_id",
    "score",
    "flagged",
    "violations",
    "scored_at",
    "scored_json",
    "content_sha256"
  };
  private static final String[] VERDICT_COLS = {
    "listing_id",
    "ruleset_version",
    "score",
    "flagged",
    "top_violation",
    "violations",
    "brands",
    "scored_at",
    "scored_json",
    "content_sha256",
    "observation_id",
    "ruleset_seq"
  };
  private static final String[] CONTACT_COLS = {
    "seller_id", "kind", "value_key", "match_kind", "shown", "listing_id", "first_seen", "last_seen"
  };
  private static final String[] SELLER_PROVINCE_COLS = {
    "seller_id", "province_text", "province_code", "first_seen", "last_seen"
  };
  private static final String[] VV_COLS = {
    "listing_id", "violation", "position", "flagged", "score", "observed_at", "price_amount"
  };
  private static final String[] REVIEW_COLS = {"listing_id", "state", "queued_at", "due_at"};

  private void copy(List<ScoredListing> records) {
    // Newest observation per listing (as the MERGE would keep), the seller of the newest one.
    Map<String, ListingRow> latest = new LinkedHashMap<>();
    List<ListingRow> all = new ArrayList<>(records.size());
    for (ScoredListing r : records) {
      ListingRow row = ListingRow.of(r);
      all.add(row);
      latest.merge(row.id(), row, (a, b) -> b.observedAt().isAfter(a.observedAt()) ? b : a);
    }
    RulesetStore rulesets = new RulesetStore(dataSource);
    Map<String, Long> seqs = new HashMap<>();
    for (ListingRow r : all) {
      seqs.computeIfAbsent(
          r.verdict().rulesetVersion(),
          v -> rulesets.ensurePublished(v, ListingStore.RULESET_AUTHOR).orElse(null));
    }
    ProvinceNames provinces;
    try (Connection c = dataSource.getConnection()) {
      provinces = ProvinceNames.load(c);
    } catch (SQLException e) {
      throw new StorageException("cannot read the province names: " + ListingStore.describe(e), e);
    }
    StringBuilder sellers = new StringBuilder();
    StringBuilder contacts = new StringBuilder();
    StringBuilder sellerProvinces = new StringBuilder();
    StringBuilder listings = new StringBuilder();
    StringBuilder observations = new StringBuilder();
    StringBuilder ovs = new StringBuilder();
    StringBuilder verdicts = new StringBuilder();
    StringBuilder vvs = new StringBuilder();
    StringBuilder reviews = new StringBuilder();
    Map<String, Boolean> observationSeen = new HashMap<>();
    writeSellers(all, provinces, sellers, contacts, sellerProvinces);
    for (ListingRow r : latest.values()) {
      row(
          listings,
          r.id(),
          r.platform(),
          r.kind(),
          r.url(),
          r.title(),
          r.priceAmount(),
          r.priceCurrency(),
          r.sellerId(),
          r.observedAt(),
          r.crawlRunId(),
          r.htmlSha256(),
          r.screenshotSha256(),
          r.listingJson(),
          r.observationId());
      ListingRow.VerdictRow v = r.verdict();
      Long seq = seqs.get(v.rulesetVersion());
      if (seq != null) {
        row(
            verdicts,
            r.id(),
            v.rulesetVersion(),
            v.score(),
            v.flagged(),
            v.topViolation(),
            v.violationsText(),
            v.brands(),
            r.observedAt(),
            v.scoredJson(),
            Rows.sha256(v.scoredJson()),
            r.observationId(),
            seq);
        // with the queue's sort keys (V74), as QueueKeys copies them on the MERGE path
        for (int p = 0; p < v.violations().size(); p++) {
          row(
              vvs,
              r.id(),
              v.violations().get(p),
              p,
              v.flagged(),
              v.score(),
              r.observedAt(),
              r.priceAmount());
        }
      }
    }
    // A listing enters the review queue when one of its verdicts was flagged as it became
    // current...
    Map<String, OffsetDateTime> queuedAt = new LinkedHashMap<>();
    for (ListingRow r : all) {
      if (r.verdict().flagged() && seqs.get(r.verdict().rulesetVersion()) != null) {
        queuedAt.merge(r.id(), r.observedAt(), (x, y) -> x.isBefore(y) ? x : y);
      }
    }
    // ... and stays there only if its final current verdict is flagged (as ListingStore does).
    queuedAt.forEach(
        (id, at) -> {
          if (latest.get(id).verdict().flagged()) {
            row(
                reviews,
                id,
                "new",
                at,
                ServiceLevels.dueAt("new", latest.get(id).verdict().score(), at));
          }
        });
    for (ListingRow r : all) {
      if (observationSeen.putIfAbsent(r.observationId() + r.verdict().rulesetVersion(), true)
          != null) {
        continue;
      }
      row(
          observations,
          r.observationId(),
          r.id(),
          r.observedAt(),
          r.title(),
          r.priceAmount(),
          r.priceCurrency(),
          r.availability(),
          r.sellerId(),
          r.crawlRunId(),
          r.htmlSha256(),
          r.screenshotSha256(),
          r.listingJson(),
          r.pageWarc() == null ? null : r.pageWarc().file(),
          r.pageWarc() == null ? null : r.pageWarc().offset(),
          r.pageWarc() == null ? null : r.pageWarc().digest(),
          r.screenshotWarc() == null ? null : r.screenshotWarc().file(),
          r.screenshotWarc() == null ? null : r.screenshotWarc().offset(),
          r.screenshotWarc() == null ? null : r.screenshotWarc().digest());
      ListingRow.VerdictRow v = r.verdict();
      row(
          ovs,
          r.observationId(),
          v.rulesetVersion(),
          r.id(),
          v.score(),
          v.flagged(),
          v.violationsText(),
          r.observedAt(),
          v.scoredJson(),
          Rows.sha256(v.scoredJson()));
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        stage(c, copy, "sellers", SELLER_COLS, sellers, "id");
        stage(c, copy, "seller_contacts", CONTACT_COLS, contacts, "seller_id", "kind", "value_key");
        stage(
            c,
            copy,
            "seller_provinces",
            SELLER_PROVINCE_COLS,
            sellerProvinces,
            "seller_id",
            "province_text");
        stage(c, copy, "listings", LISTING_COLS, listings, "id");
        stage(c, copy, "observations", OBSERVATION_COLS, observations, "id");
        stage(c, copy, "observation_verdicts", OV_COLS, ovs, "observation_id", "ruleset_version");
        stage(c, copy, "verdicts", VERDICT_COLS, verdicts, "listing_id");
        stage(c, copy, "verdict_violations", VV_COLS, vvs, "listing_id", "violation");
        stage(c, copy, "reviews", REVIEW_COLS, reviews, "listing_id");
        // queue_search (V75) from the rows just inserted: its folded text is the database's own
        // (the generated listings.search_folded), so it is copied, not computed here
        if (!verdicts.isEmpty()) {
          try (Statement st = c.createStatement()) {
            st.executeUpdate(
                "INSERT INTO queue_search (listing_id, score, search_folded)"
                    + " SELECT v.listing_id, v.score, l.search_folded FROM stage_verdicts sv"
                    + " JOIN verdicts v ON v.listing_id = sv.listing_id"
                    + " JOIN listings l ON l.id = v.listing_id"
                    + " WHERE v.flagged AND NOT EXISTS"
                    + " (SELECT 1 FROM queue_search q WHERE q.listing_id = v.listing_id)");
          }
        }
        c.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StorageException("bulk COPY failed: " + ListingStore.describe(e), e);
    } catch (IOException e) {
      throw new StorageException("bulk COPY failed: " + e.getMessage(), e);
    }
  }

  /**
   * The seller rows as {@link ListingStore}'s MERGE leaves them after the same records: each seller
   * as its newest sighting shows it (ties: the larger content hash), first seen at its oldest; its
   * contact points (V21) and province texts, each first written as the first in the store's key
   * order and widened to the oldest and newest sighting.
   */
  private static void writeSellers(
      List<ListingRow> all,
      ProvinceNames provinces,
      StringBuilder sellers,
      StringBuilder contacts,
      StringBuilder sellerProvinces) {
    List<ListingRow> byId =
        all.stream()
            .filter(r -> r.seller() != null)
            .sorted(java.util.Comparator.comparing(ListingRow::id))
            .toList();
    record Seen(ListingRow row, String hash, OffsetDateTime first, OffsetDateTime last) {}
    Map<String, Seen> sellerSeen = new java.util.TreeMap<>();
    for (ListingRow r : byId) {
      String hash = ListingStore.sellerHash(r.seller());
      sellerSeen.merge(
          r.seller().id(),
          new Seen(r, hash, r.observedAt(), r.observedAt()),
          (a, b) -> {
            boolean newer =
                b.last().isAfter(a.last())
                    || (b.last().isEqual(a.last()) && b.hash().compareTo(a.hash()) > 0);
            Seen win = newer ? b : a;
            return new Seen(
                win.row(), win.hash(), min(a.first(), b.first()), max(a.last(), b.last()));
          });
    }
    for (Seen seen : sellerSeen.values()) {
      ListingRow.SellerRow s = seen.row().seller();
      row(
          sellers,
          s.id(),
          s.platform(),
          s.name(),
          s.url(),
          s.province(),
          s.address(),
          s.phones(),
          s.taxCode(),
          s.businessRegistration(),
          s.verified(),
          seen.first(),
          seen.last(),
          seen.hash(),
          s.emails(),
          provinces.resolve(s.province(), s.address()).orElse(null));
    }
    record Contact(ListingStore.ContactItem item, OffsetDateTime first, OffsetDateTime last) {}
    Map<String, Contact> contactSeen = new LinkedHashMap<>();
    for (ListingStore.ContactItem i : ListingStore.contactItems(byId)) {
      contactSeen.merge(
          i.row().seller().id() + '\n' + i.contact().kind() + '\n' + i.contact().valueKey(),
          new Contact(i, i.row().observedAt(), i.row().observedAt()),
          (a, b) -> new Contact(a.item(), min(a.first(), b.first()), max(a.last(), b.last())));
    }
    for (Contact k : contactSeen.values()) {
      ListingStore.ContactItem i = k.item();
      row(
          contacts,
          i.row().seller().id(),
          i.contact().kind(),
          i.contact().valueKey(),
          i.contact().matchKind(),
          i.contact().value(),
          i.contact().own() ? null : i.row().id(),
          k.first(),
          k.last());
    }
    record Province(String code, OffsetDateTime first, OffsetDateTime last) {}
    Map<List<String>, Province> provinceSeen = new LinkedHashMap<>();
    for (ListingRow r : byId) {
      String text = r.seller().province();
      if (text == null || text.isBlank()) {
        continue;
      }
      provinceSeen.merge(
          List.of(r.seller().id(), text),
          new Province(provinces.resolve(text, null).orElse(null), r.observedAt(), r.observedAt()),
          (a, b) -> new Province(a.code(), min(a.first(), b.first()), max(a.last(), b.last())));
    }
    provinceSeen.forEach(
        (key, p) -> row(sellerProvinces, key.get(0), key.get(1), p.code(), p.first(), p.last()));
  }

  private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
    return b.isBefore(a) ? b : a;
  }

  private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
    return b.isAfter(a) ? b : a;
  }

  /** COPY into a temporary copy of the table, then insert the rows whose key is new. */
  private static void stage(
      Connection c, CopyManager copy, String table, String[] cols, StringBuilder csv, String... key)
      throws SQLException, IOException {
    if (csv.isEmpty()) {
      return;
    }
    String stage = "stage_" + table;
    String columns = String.join(", ", cols);
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TEMP TABLE " + stage + " (LIKE " + table + " INCLUDING DEFAULTS) ON COMMIT DROP");
    }
    copy.copyIn(
        "COPY " + stage + " (" + columns + ") FROM STDIN (FORMAT csv)",
        new StringReader(csv.toString()));
    StringBuilder match = new StringBuilder();
    for (String k : key) {
      match.append(match.isEmpty() ? "" : " AND ").append("t.").append(k).append(" = s.").append(k);
    }
    StringBuilder distinctOn = new StringBuilder();
    for (String k : key) {
      distinctOn.append(distinctOn.isEmpty() ? "" : ", ").append("s.").append(k);
    }
    try (Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO "
              + table
              + " ("
              + columns
              + ") SELECT DISTINCT ON ("
              + distinctOn
              + ") "
              + prefixed(cols)
              + " FROM "
              + stage
              + " s WHERE NOT EXISTS (SELECT 1 FROM "
              + table
              + " t WHERE "
              + match
              + ")");
    }
  }

  private static String prefixed(String[] cols) {
    StringBuilder b = new StringBuilder();
    for (String col : cols) {
      b.append(b.isEmpty() ? "" : ", ").append("s.").append(col);
    }
    return b.toString();
  }

  /**
   * One line of PostgreSQL's COPY CSV: null as an unquoted empty field, every other value quoted
   * with doubled quotes (so an empty string stays an empty string). Hand-written because the
   * null-versus-empty rule is COPY's own, not a general CSV library's.
   */
  private static void row(StringBuilder b, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      Object v = values[i];
      if (v == null) {
        continue;
      }
      String s =
          v instanceof OffsetDateTime t
              ? t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
      b.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
    b.append('\n');
  }
}
