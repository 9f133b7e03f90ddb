package org.markwatch.portal.queue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the flagged queue and single listings from the central database (schema of storage). */
@Repository
class QueueRepository {
  private final JdbcClient jdbc;

  QueueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<QueueRow> flagged(QueueFilter filter) {
    StringBuilder sql = new StringBuilder("""
        SELECT l.id, l.platform, l.title, l.price_amount, l.price_currency, s.name AS seller_name,
               v.score, v.violations, v.brands
        FROM verdicts v JOIN listings l ON l.id = v.listing_id
        LEFT JOIN sellers s ON s.id = l.seller_id
        WHERE v.flagged = TRUE""");
    Map<String, Object> params = new LinkedHashMap<>();
    if (!filter.violation().isEmpty()) {
      sql.append(" AND (',' || v.violations || ',') LIKE :violation");
      params.put("violation", "%," + filter.violation() + ",%");
    }
    if (!filter.platform().isEmpty()) {
      sql.append(" AND l.platform = :platform");
      params.put("platform", filter.platform());
    }
    if (!filter.q().isEmpty()) {
      sql.append(" AND (LOWER(l.title) LIKE :q OR LOWER(COALESCE(s.name, '')) LIKE :q)");
      params.put("q", "%" + escapeLike(filter.q().toLowerCase(Locale.ROOT)) + "%");
    }
    sql.append(" ORDER BY v.score DESC, l.id LIMIT :limit OFFSET :offset");
    params.put("limit", QueueFilter.PAGE_SIZE + 1);
    params.put("offset", filter.offset());
    return jdbc.sql(sql.toString()).params(params)
        .query((rs, n) -> new QueueRow(rs.getString("id"), rs.getString("platform"), rs.getString("title"),
            rs.getBigDecimal("price_amount"), rs.getString("price_currency"), rs.getString("seller_name"),
            rs.getDouble("score"), split(rs.getString("violations")), split(rs.getString("brands"))))
        .list();
  }

  /** Flagged listings per violation type, most frequent first: the queue's filter chips. */
  Map<String, Integer> flaggedPerViolation() {
    Map<String, Integer> counts = new TreeMap<>();
    jdbc.sql("SELECT violations FROM verdicts WHERE flagged = TRUE").query(String.class).list()
        .forEach(v -> split(v).forEach(type -> counts.merge(type, 1, Integer::sum)));
    return counts;
  }

  List<String> platforms() {
    return jdbc.sql("SELECT DISTINCT platform FROM listings ORDER BY platform").query(String.class).list();
  }

  Optional<ListingView.Stored> listing(String id) {
    return jdbc.sql("""
            SELECT l.listing_json, v.scored_json FROM listings l
            LEFT JOIN verdicts v ON v.listing_id = l.id WHERE l.id = :id""")
        .param("id", id)
        .query((rs, n) -> new ListingView.Stored(rs.getString("listing_json"), rs.getString("scored_json")))
        .optional();
  }

  private static List<String> split(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return new ArrayList<>(Arrays.asList(commaSeparated.split(",")));
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
