package org.markwatch.storage.tips;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;

/**
 * Tips and complaints from the public and from agencies: stored with a tracking code (audited),
 * read back by that code, and handed to the tip intake, which records what became of each.
 */
public final class TipStore {
  public static final Set<String> KINDS = Set.of("tip", "complaint");

  /** No 0/O, 1/I/L: a code read over the phone is not misheard. */
  private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  private static final SecureRandom RANDOM = new SecureRandom();
  private final DataSource dataSource;
  private final Clock clock;
  private final AuditLog audit;

  public TipStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public TipStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.audit = new AuditLog(clock);
  }

  /**
   * Checks and stores a tip; returns it with its tracking code.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public Tip submit(NewTip tip) {
    if (!KINDS.contains(tip.kind())) {
      throw new IllegalArgumentException(
          "kind: expected tip or complaint, not '" + tip.kind() + "'");
    }
    String url = blankToNull(tip.url());
    if (url != null) {
      url = checkUrl(url);
    }
    String description = limit(tip.description(), 8000);
    if (url == null && blankToNull(tip.shopName()) == null && blankToNull(tip.phone()) == null) {
      throw new IllegalArgumentException("url: give the link, the shop's name or its phone");
    }
    String code = trackingCode();
    String status = url == null ? "no_url" : "received";
    String checkedUrl = url;
    return Transactions.run(
        dataSource,
        "store a tip",
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tips (tracking_code, kind, url, shop_name, phone, description,"
                      + " contact, source, status, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, code);
            ps.setString(2, tip.kind());
            ps.setString(3, checkedUrl);
            ps.setString(4, limit(tip.shopName(), 300));
            ps.setString(5, limit(tip.phone(), 64));
            ps.setString(6, description);
            ps.setString(7, limit(tip.contact(), 300));
            ps.setString(8, tip.source());
            ps.setString(9, status);
            ps.setObject(10, Transactions.at(clock.instant()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              id = keys.getLong(1);
            }
          }
          int seq = 0;
          for (TipAttachment a : tip.attachments()) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO tip_attachments (tip_id, seq, file_name, media_type, size_bytes,"
                        + " sha256, outcome, outcome_note, extracted_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              ps.setLong(1, id);
              ps.setInt(2, ++seq);
              ps.setString(3, a.fileName());
              ps.setString(4, limit(a.mediaType(), 200));
              ps.setLong(5, a.sizeBytes());
              ps.setString(6, a.sha256());
              ps.setString(7, a.outcome());
              ps.setString(8, a.outcomeNote());
              ps.setString(9, a.extractedText());
              ps.executeUpdate();
            }
          }
          audit.append(
              c,
              tip.source(),
              AuditAction.TIP_RECEIVED,
              code,
              tip.kind()
                  + (checkedUrl == null ? "" : " url=" + checkedUrl)
                  + " attachments="
                  + tip.attachments().size());
          return read(c, "t.id = ?", id).orElseThrow();
        });
  }

  /** The tip with this tracking code (case-insensitive, spaces ignored). */
  public Optional<Tip> byTrackingCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String clean = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (clean.length() != 10) {
      return Optional.empty();
    }
    String formatted = clean.substring(0, 5) + "-" + clean.substring(5);
    return Transactions.run(
        dataSource, "read a tip", c -> read(c, "t.tracking_code = ?", formatted));
  }

  /** Tips waiting for the intake, oldest first. */
  public List<Tip> waiting(int limit) {
    return Transactions.run(
        dataSource,
        "list waiting tips",
        c -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM tips WHERE status = 'received' ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          List<Tip> out = new ArrayList<>();
          for (long id : ids) {
            read(c, "t.id = ?", id).ifPresent(out::add);
          }
          return out;
        });
  }

  /**
   * Records what the intake made of a tip (status queued, checked or unreadable), audited. Only a
   * tip still in {@code received} changes, so two intakes never both record one.
   */
  public boolean processed(long id, String status, String listingId, String note) {
    if (!Set.of("queued", "checked", "unreadable").contains(status)) {
      throw new IllegalArgumentException("status: expected queued, checked or unreadable");
    }
    return Transactions.run(
        dataSource,
        "record tip " + id,
        c -> {
          int n;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tips SET status = ?, listing_id = ?, status_note = ?, processed_at = ?,"
                      + " attempts = attempts + 1 WHERE id = ? AND status = 'received'")) {
            ps.setString(1, status);
            ps.setString(2, listingId);
            ps.setString(3, limit(note, 1000));
            ps.setObject(4, Transactions.at(clock.instant()));
            ps.setLong(5, id);
            n = ps.executeUpdate();
          }
          if (n == 1) {
            audit.append(
                c,
                "tip-intake",
                AuditAction.TIP_PROCESSED,
                String.valueOf(id),
                status + (listingId == null ? "" : " listing=" + listingId));
          }
          return n == 1;
        });
  }

  /** Only http(s) URLs with a host; returned trimmed. */
  public static String checkUrl(String url) {
    String u = url.strip();
    if (u.length() > 2048) {
      throw new IllegalArgumentException("url: longer than 2048 characters");
    }
    URI uri;
    try {
      uri = URI.create(u);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("url: not a valid address");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("url: expected an http:// or https:// address");
    }
    return u;
  }

  private static String trackingCode() {
    StringBuilder b = new StringBuilder(11);
    for (int i = 0; i < 10; i++) {
      if (i == 5) {
        b.append('-');
      }
      b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return b.toString();
  }

  private static Optional<Tip> read(Connection c, String where, Object param) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT t.id, t.tracking_code, t.kind, t.url, t.shop_name, t.phone, t.description,"
                + " t.source, t.status, t.status_note, t.listing_id, t.received_at, t.processed_at"
                + " FROM tips t WHERE "
                + where)) {
      ps.setObject(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long id = rs.getLong(1);
        return Optional.of(
            new Tip(
                id,
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                Transactions.instant(rs, 12),
                Transactions.instant(rs, 13),
                attachments(c, id)));
      }
    }
  }

  private static List<TipAttachment> attachments(Connection c, long tipId) throws SQLException {
    List<TipAttachment> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT file_name, media_type, size_bytes, sha256, outcome, outcome_note, extracted_text"
                + " FROM tip_attachments WHERE tip_id = ? ORDER BY seq")) {
      ps.setLong(1, tipId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new TipAttachment(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7)));
        }
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String limit(String s, int max) {
    String v = blankToNull(s);
    return v == null || v.length() <= max ? v : v.substring(0, max);
  }
}
