package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.markwatch.model.Evidence;

/**
 * Writes listings with their seller and verdict, and reads one back. Every write is an idempotent
 * upsert (MERGE) in one transaction: replaying the same records changes no row, and an older
 * observation never overwrites a newer one. Thread-safe; each call takes its own connection.
 */
public final class ListingStore {
  /**
   * Who registers a ruleset first met in a batch (it is published: what the pipeline runs is in
   * force).
   */
  static final String RULESET_AUTHOR = "markwatch pipeline";

  private final DataSource dataSource;
  private final RulesetStore rulesets;
  private volatile ProvinceNames provinceNames;

  public ListingStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.rulesets = new RulesetStore(dataSource);
  }

  /**
   * Stores one scored listing in its own transaction.
   *
   * @throws InvalidRecordException when a value does not fit the schema (names the field)
   * @throws StorageException when the database refuses the write
   */
  public void save(ScoredListing record) {
    SaveResult result = saveAll(List.of(record));
    if (!result.rejected().isEmpty()) {
      SaveResult.Rejected r = result.rejected().get(0);
      throw new StorageException("cannot store listing " + r.listingId() + ": " + r.reason());
    }
  }

  /**
   * Stores a batch in one transaction. If the batch fails, each record is retried in its own
   * transaction so one bad record costs only itself; the refused ones come back with their reason.
   * A lost or refused connection (SQLState class 08) is not a record's fault and throws {@link
   * StorageException} instead. Rows are written in key order (sellers, then listings, then
   * verdicts, each by id) so concurrent batches lock rows in the same order and cannot deadlock.
   */
  public SaveResult saveAll(List<ScoredListing> records) {
    List<SaveResult.Rejected> rejected = new ArrayList<>();
    List<IndexedRow> rows = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      try {
        rows.add(new IndexedRow(i, ListingRow.of(records.get(i))));
      } catch (InvalidRecordException e) {
        rejected.add(new SaveResult.Rejected(i, records.get(i).listing().id(), e.getMessage()));
      }
    }
    if (rows.isEmpty()) {
      return new SaveResult(0, rejected, 0);
    }
    Map<String, Long> seqs = rulesetSeqs(rows);
    try {
      int changed = write(rows, seqs);
      return new SaveResult(rows.size(), rejected, changed);
    } catch (SQLException batchFailure) {
      failIfUnreachable(batchFailure);
      if (rows.size() == 1) {
        IndexedRow only = rows.get(0);
        rejected.add(
            new SaveResult.Rejected(only.index(), only.row().id(), describe(batchFailure)));
        return new SaveResult(0, rejected, 0);
      }
    }
    int stored = 0;
    int changed = 0;
    for (IndexedRow row : rows) {
      try {
        changed += writeRetryingTransientFailures(row, seqs);
        stored++;
      } catch (SQLException e) {
        failIfUnreachable(e);
        rejected.add(new SaveResult.Rejected(row.index(), row.row().id(), describe(e)));
      }
    }
    rejected.sort(Comparator.comparingInt(SaveResult.Rejected::index));
    return new SaveResult(stored, rejected, changed);
  }

  /**
   * The publish sequence of each ruleset of the batch (an unknown one is published now; a draft
   * maps to null: its verdicts are kept in the history but never become current).
   */
  private Map<String, Long> rulesetSeqs(List<IndexedRow> rows) {
    Map<String, Long> seqs = new HashMap<>();
    for (IndexedRow r : rows) {
      String version = r.row().verdict().rulesetVersion();
      if (!seqs.containsKey(version)) {
        seqs.put(version, rulesets.ensurePublished(version, RULESET_AUTHOR).orElse(null));
      }
    }
    return seqs;
  }

  /**
   * A lost connection is not the record's fault: fail the caller instead of refusing the record.
   */
  private static void failIfUnreachable(SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("08")) {
      throw new StorageException("database unavailable: " + describe(e), e);
    }
  }

  /**
   * Serialization failures and deadlocks (SQLState class 40) and the unique-key race of two
   * concurrent MERGEs inserting the same new row (23505) are the moment's fault, not the record's:
   * they are retried a few times before the record is refused.
   */
  private int writeRetryingTransientFailures(IndexedRow row, Map<String, Long> seqs)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return write(List.of(row), seqs);
      } catch (SQLException e) {
        if (attempt >= MAX_ATTEMPTS || !isTransient(e)) {
          throw e;
        }
      }
    }
  }

  private static final int MAX_ATTEMPTS = 3;

  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("40") || state.equals("23505"));
  }

  private record IndexedRow(int index, ListingRow row) {}

  /**
   * Writes the rows in one transaction; returns how many current verdicts it created or replaced.
   */
  private int write(List<IndexedRow> indexed, Map<String, Long> seqs) throws SQLException {
    List<ListingRow> rows =
        indexed.stream().map(IndexedRow::row).sorted(Comparator.comparing(ListingRow::id)).toList();
    try (Connection c = dataSource.getConnection()) {
      ProvinceNames provinces = provinceNames(c);
      c.setAutoCommit(false);
      try {
        writeSellers(c, rows, provinces);
        writeListings(c, rows);
        writeObservations(c, rows);
        int changed = writeVerdicts(c, rows, seqs);
        // the queue's copies of the keys just written (V74, V75), in the rows' id order
        QueueKeys.refresh(c, rows.stream().map(ListingRow::id).distinct().toList());
        c.commit();
        return changed;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure); // the cause the caller must see is the first failure
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private ProvinceNames provinceNames(Connection c) throws SQLException {
    ProvinceNames names = provinceNames;
    if (names == null) {
      names = ProvinceNames.load(c);
      provinceNames = names;
    }
    return names;
  }

  private static void writeSellers(Connection c, List<ListingRow> rows, ProvinceNames provinces)
      throws SQLException {
    List<ListingRow> withSeller =
        rows.stream()
            .filter(r -> r.seller() != null)
            .sorted(
                Comparator.comparing((ListingRow r) -> r.seller().id())
                    .thenComparing(ListingRow::id))
            .toList();
    if (withSeller.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(ListingSql.MERGE_SELLER)) {
      for (ListingRow r : withSeller) {
        ListingRow.SellerRow s = r.seller();
        ps.setString(1, s.id());
        ps.setString(2, s.platform());
        ps.setString(3, s.name());
        ps.setString(4, s.url());
        ps.setString(5, s.province());
        ps.setString(6, s.address());
        ps.setString(7, s.phones());
        ps.setString(8, s.taxCode());
        ps.setString(9, s.businessRegistration());
        if (s.verified() == null) {
          ps.setNull(10, Types.BOOLEAN);
        } else {
          ps.setBoolean(10, s.verified());
        }
        ps.setObject(11, r.observedAt());
        ps.setString(12, sellerHash(s));
        ps.setString(13, s.emails());
        ps.setString(14, provinces.resolve(s.province(), s.address()).orElse(null));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    writeSellerContacts(c, withSeller);
    List<ListingRow> withProvince =
        withSeller.stream()
            .filter(r -> r.seller().province() != null && !r.seller().province().isBlank())
            .toList();
    if (withProvince.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(ListingSql.MERGE_SELLER_PROVINCE)) {
      for (ListingRow r : withProvince) {
        ListingRow.SellerRow s = r.seller();
        ps.setString(1, s.id());
        ps.setString(2, s.province());
        ps.setString(3, provinces.resolve(s.province(), null).orElse(null));
        ps.setObject(4, r.observedAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The content hash of a seller row: ties between two sightings at one time go to the larger. */
  static String sellerHash(ListingRow.SellerRow s) {
    return Rows.sha256(
        s.id(),
        s.platform(),
        s.name(),
        s.url(),
        s.province(),
        s.address(),
        s.phones(),
        s.taxCode(),
        s.businessRegistration(),
        String.valueOf(s.verified()),
        s.emails());
  }

  /**
   * The order in which {@link #writeSellerContacts} writes contact points: the first of a key in
   * this order is the one inserted (its shown value and listing), later ones only widen its
   * first/last seen. {@link BulkLoader} keeps the same rule.
   */
  static final Comparator<ContactItem> CONTACT_ORDER =
      Comparator.comparing((ContactItem i) -> i.row().seller().id())
          .thenComparing(i -> i.contact().kind())
          .thenComparing(i -> i.contact().valueKey())
          .thenComparing(i -> i.row().id());

  /** A contact point of the seller of one listing row. */
  record ContactItem(ListingRow row, ListingRow.ContactRow contact) {}

  /**
   * The contact items of rows sorted by listing id (as {@link #write} sorts them), in {@link
   * #CONTACT_ORDER}; the sort is stable, so two observations of one listing keep their order.
   */
  static List<ContactItem> contactItems(List<ListingRow> rowsById) {
    List<ContactItem> items = new ArrayList<>();
    for (ListingRow r : rowsById) {
      if (r.seller() == null) {
        continue;
      }
      for (ListingRow.ContactRow k : r.contacts()) {
        items.add(new ContactItem(r, k));
      }
    }
    items.sort(CONTACT_ORDER);
    return items;
  }

  /** Contact points of the sellers (V21), in key order like every other table. */
  private static void writeSellerContacts(Connection c, List<ListingRow> withSeller)
      throws SQLException {
    List<ContactItem> items = contactItems(withSeller);
    if (items.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(ListingSql.MERGE_SELLER_CONTACT)) {
      for (ContactItem i : items) {
        ps.setString(1, i.row().seller().id());
        ps.setString(2, i.contact().kind());
        ps.setString(3, i.contact().valueKey());
        ps.setString(4, i.contact().matchKind());
        ps.setString(5, i.contact().value());
        ps.setString(6, i.contact().own() ? null : i.row().id());
        ps.setObject(7, i.row().observedAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeObservations(Connection c, List<ListingRow> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ListingSql.MERGE_OBSERVATION)) {
      for (ListingRow r : rows) {
        ps.setString(1, r.observationId());
        ps.setString(2, r.id());
        ps.setObject(3, r.observedAt());
        ps.setString(4, r.title());
        ps.setBigDecimal(5, r.priceAmount());
        ps.setString(6, r.priceCurrency());
        ps.setString(7, r.availability());
        ps.setString(8, r.sellerId());
        ps.setString(9, r.crawlRunId());
        ps.setString(10, r.htmlSha256());
        ps.setString(11, r.screenshotSha256());
        ps.setString(12, r.listingJson());
        setWarcRef(ps, 13, r.pageWarc());
        setWarcRef(ps, 16, r.screenshotWarc());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(ListingSql.MERGE_OBSERVATION_VERDICT)) {
      for (ListingRow r : rows) {
        ListingRow.VerdictRow v = r.verdict();
        ps.setString(1, r.observationId());
        ps.setString(2, v.rulesetVersion());
        ps.setString(3, r.id());
        ps.setDouble(4, v.score());
        ps.setBoolean(5, v.flagged());
        ps.setString(6, v.violationsText());
        ps.setObject(7, r.observedAt());
        ps.setString(8, v.scoredJson());
        ps.setString(9, Rows.sha256(v.scoredJson()));
        ps.setBoolean(10, v.supersedes());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void setWarcRef(PreparedStatement ps, int first, Evidence.WarcRef ref)
      throws SQLException {
    ps.setString(first, ref == null ? null : ref.file());
    ps.setObject(first + 1, ref == null ? null : ref.offset(), java.sql.Types.BIGINT);
    ps.setString(first + 2, ref == null ? null : ref.digest());
  }

  private static void writeListings(Connection c, List<ListingRow> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ListingSql.MERGE_LISTING)) {
      for (ListingRow r : rows) {
        ps.setString(1, r.id());
        ps.setString(2, r.platform());
        ps.setString(3, r.kind());
        ps.setString(4, r.url());
        ps.setString(5, r.title());
        ps.setBigDecimal(6, r.priceAmount());
        ps.setString(7, r.priceCurrency());
        ps.setString(8, r.sellerId());
        ps.setObject(9, r.observedAt());
        ps.setString(10, r.crawlRunId());
        ps.setString(11, r.htmlSha256());
        ps.setString(12, r.screenshotSha256());
        ps.setString(13, r.listingJson());
        ps.setString(14, r.observationId()); // the content hash (see ListingRow.identityJson)
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static int writeVerdicts(Connection c, List<ListingRow> all, Map<String, Long> seqs)
      throws SQLException {
    // A draft ruleset's verdicts stay in the history only.
    List<ListingRow> rows =
        all.stream().filter(r -> seqs.get(r.verdict().rulesetVersion()) != null).toList();
    if (rows.isEmpty()) {
      return 0;
    }
    int[] counts;
    try (PreparedStatement ps = c.prepareStatement(ListingSql.MERGE_VERDICT)) {
      for (ListingRow r : rows) {
        ListingRow.VerdictRow v = r.verdict();
        ps.setString(1, r.id());
        ps.setString(2, v.rulesetVersion());
        ps.setDouble(3, v.score());
        ps.setBoolean(4, v.flagged());
        ps.setString(5, v.topViolation());
        ps.setString(6, v.violationsText());
        ps.setString(7, v.brands());
        ps.setObject(8, r.observedAt());
        ps.setString(9, v.scoredJson());
        ps.setString(10, Rows.sha256(v.scoredJson()));
        ps.setString(11, r.observationId());
        ps.setLong(12, seqs.get(v.rulesetVersion()));
        ps.setBoolean(13, v.supersedes());
        ps.addBatch();
      }
      counts = ps.executeBatch();
    }
    // The violation rows follow their verdict: rewritten only where the MERGE changed it, from the
    // last change per listing (a batch may hold two observations of one listing, both changing it).
    Map<String, ListingRow> lastChange = new java.util.LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (counts[i] != 0) {
        lastChange.put(rows.get(i).id(), rows.get(i));
      }
    }
    List<ListingRow> changed = new ArrayList<>(lastChange.values());
    if (changed.isEmpty()) {
      return 0;
    }
    try (PreparedStatement del = c.prepareStatement(ListingSql.DELETE_VIOLATIONS);
        PreparedStatement ins = c.prepareStatement(ListingSql.INSERT_VIOLATION)) {
      for (ListingRow r : changed) {
        del.setString(1, r.id());
        del.addBatch();
      }
      del.executeBatch();
      boolean any = false;
      for (ListingRow r : changed) {
        List<String> violations = r.verdict().violations();
        for (int p = 0; p < violations.size(); p++) {
          ins.setString(1, r.id());
          ins.setString(2, violations.get(p));
          ins.setInt(3, p);
          ins.addBatch();
          any = true;
        }
      }
      if (any) {
        ins.executeBatch();
      }
    }
    List<ListingRow> nowFlagged = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (counts[i] != 0 && rows.get(i).verdict().flagged()) {
        nowFlagged.add(rows.get(i));
      }
    }
    if (!nowFlagged.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(ListingSql.MERGE_REVIEW_NEW)) {
        for (ListingRow r : nowFlagged) {
          ps.setString(1, r.id());
          ps.setObject(2, r.observedAt());
          ps.setObject(3, ServiceLevels.dueAt("new", r.verdict().score(), r.observedAt()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    // A listing no longer flagged leaves the queue if nobody touched its review yet, so which
    // listings wait as new depends on the current verdicts only, not on the order records came in.
    List<ListingRow> unflagged = changed.stream().filter(r -> !r.verdict().flagged()).toList();
    if (!unflagged.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(ListingSql.DELETE_UNTOUCHED_REVIEW)) {
        for (ListingRow r : unflagged) {
          ps.setString(1, r.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return changed.size();
  }

  /** One stored listing with its verdict, or empty when the id is unknown. */
  public Optional<StoredListing> find(String listingId) {
    String sql =
        """
        SELECT l.id, l.platform, l.kind, l.url, l.title, l.price_amount, l.price_currency, l.seller_id, s.name,
               l.observed_at, l.listing_json, v.score, v.flagged, v.violations, v.ruleset_version, v.scored_json
        FROM listings l
        LEFT JOIN sellers s ON s.id = l.seller_id
        LEFT JOIN verdicts v ON v.listing_id = l.id
        WHERE l.id = ?
        """;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, listingId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        double score = rs.getDouble("score");
        boolean scored = !rs.wasNull();
        return Optional.of(
            new StoredListing(
                rs.getString("id"),
                rs.getString("platform"),
                rs.getString("kind"),
                rs.getString("url"),
                rs.getString("title"),
                rs.getBigDecimal("price_amount"),
                Rows.trimmed(rs.getString("price_currency")),
                rs.getString("seller_id"),
                rs.getString("name"),
                rs.getObject("observed_at", OffsetDateTime.class).toInstant(),
                rs.getString("listing_json"),
                scored ? score : null,
                scored ? rs.getBoolean("flagged") : null,
                Rows.split(rs.getString("violations")),
                rs.getString("ruleset_version"),
                rs.getString("scored_json")));
      }
    } catch (SQLException e) {
      throw new StorageException("cannot read listing " + listingId + ": " + describe(e), e);
    }
  }

  /** The server's own one-line error of a (batch) failure, with its SQLState. */
  public static String describe(SQLException e) {
    // A failed JDBC batch wraps the server's error; that one says what went wrong.
    SQLException cause = e;
    while (cause.getNextException() != null && cause.getNextException() != cause) {
      cause = cause.getNextException();
    }
    String state = cause.getSQLState() == null ? "" : " [SQLState " + cause.getSQLState() + "]";
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    // Drivers append the whole statement; the first line is the error.
    return message.lines().findFirst().orElse(message).strip() + state;
  }
}
