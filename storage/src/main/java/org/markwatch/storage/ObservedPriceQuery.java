package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.markwatch.model.BrandHit;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Scored;

/**
 * Observed market prices from the stored listings: per brand and product type, and per brand,
 * product line and type, the median and the median absolute deviation (MAD) of the prices in VND,
 * with the number of listings behind them. What the rule {@code counterfeit.price-far-below-market}
 * compares a price with (a line's own figure first, when it has enough listings: an iPhone 15 Pro
 * Max is not priced like the brand's average phone).
 *
 * <p>Where each part comes from: the price is the listing's ({@code listings.price_amount} in VND,
 * above 0); the brand is the one catalog brand of the latest verdict's brand hits in the title or
 * the claimed brand ({@code verdicts.scored_json}; a listing naming several brands there, or none
 * the catalog knows, says nothing about one brand's price); the product type is not stored, so the
 * caller reads it from the title with the catalog's product types (the detectors' own reading, so
 * the groups are the ones the rule looks up), and so is the product line. A listing counts in its
 * brand's group and, when its title names one line of the brand, in that line's group too. Listings
 * whose latest verdict reports {@code counterfeit} ({@code verdict_violations}) are left out: the
 * copies' prices would pull the market median down towards themselves.
 */
public final class ObservedPriceQuery {
  /** Listings classified together by the caller's product-type function. */
  static final int CHUNK = 2048;

  private final DataSource dataSource;

  public ObservedPriceQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One brand (and product line) and product type: median and MAD in VND over {@code samples}
   * listings.
   *
   * @param line a product line's name, empty for the brand's group (every listing of the brand)
   */
  public record Group(String brand, String line, String type, long median, long mad, int samples) {
    public Group {
      line = line == null ? "" : line;
    }
  }

  /**
   * What a title says for the groups.
   *
   * @param type the product type named, or null (the listing is left out)
   * @param line the product line of its brand named, or null
   */
  public record Reading(String type, String line) {}

  /** Reads a chunk of titles, each of a listing of the brand at the same index. */
  @FunctionalInterface
  public interface TitleReader {
    /** One reading per title, in input order. */
    List<Reading> read(List<String> titles, List<String> brands);
  }

  /**
   * What a computation saw and kept.
   *
   * @param since listings observed at or after this instant were read
   * @param minSamples groups with fewer listings were dropped
   * @param priced listings observed since then with a VND price above 0 and a verdict
   * @param counterfeit of those, left out because the latest verdict reports counterfeit
   * @param noBrand left out: no catalog brand, or several, in the title or claimed brand
   * @param noType left out: no product type named in the title
   * @param tooFew left out: in a brand's group of fewer than {@code minSamples} listings (a line's
   *     group that is too small just is not reported; its listings count in the brand's)
   * @param groups the groups kept, by brand then type
   */
  public record Result(
      Instant since,
      int minSamples,
      long priced,
      long counterfeit,
      long noBrand,
      long noType,
      long tooFew,
      List<Group> groups) {
    /** Listings behind the groups kept (a line's listings are also in their brand's group). */
    public long used() {
      return groups.stream().filter(g -> g.line().isEmpty()).mapToLong(Group::samples).sum();
    }
  }

  /**
   * @param since only listings observed at or after this instant
   * @param minSamples at least 1: groups with fewer listings are not reported
   * @param knownBrand whether a brand id is in the catalog in use
   * @param titles reads the product type and line named in each title
   * @throws StorageException when the database refuses or cannot be reached
   */
  public Result observe(
      Instant since, int minSamples, Predicate<String> knownBrand, TitleReader titles) {
    Objects.requireNonNull(since, "since");
    if (minSamples < 1) {
      throw new IllegalArgumentException("minSamples must be >= 1, got " + minSamples);
    }
    Map<String, List<Long>> prices = new TreeMap<>();
    long priced = 0;
    long noBrand = 0;
    long noType = 0;
    long counterfeit;
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
      try {
        counterfeit = countCounterfeit(c, since);
        try (PreparedStatement ps =
            c.prepareStatement(
                """
            SELECT l.title, l.price_amount, v.scored_json, l.id
            FROM listings l JOIN verdicts v ON v.listing_id = l.id
            WHERE UPPER(l.price_currency) = 'VND' AND l.price_amount > 0 AND l.observed_at >= ?
              AND NOT EXISTS (SELECT 1 FROM verdict_violations vv
                              WHERE vv.listing_id = l.id AND vv.violation = 'counterfeit')
            ORDER BY l.id""")) {
          ps.setTimestamp(1, Timestamp.from(since));
          ps.setFetchSize(CHUNK);
          List<String> chunk = new ArrayList<>(CHUNK);
          List<String> brands = new ArrayList<>(CHUNK);
          List<Long> amounts = new ArrayList<>(CHUNK);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              priced++;
              String brand;
              try {
                brand = brandOf(rs.getString(3), knownBrand);
              } catch (
                  RuntimeException e) { // a stored verdict that is no markwatch.scored/1 record
                throw new StorageException(
                    "verdict of listing "
                        + rs.getString(4)
                        + " is not a readable scored "
                        + "record ("
                        + e.getMessage().lines().findFirst().orElse("")
                        + "); re-score the listing",
                    e);
              }
              if (brand == null) {
                noBrand++;
                continue;
              }
              chunk.add(rs.getString(1) == null ? "" : rs.getString(1));
              brands.add(brand);
              amounts.add(rs.getBigDecimal(2).longValue());
              if (chunk.size() == CHUNK) {
                noType += classify(chunk, brands, amounts, titles, prices);
              }
            }
          }
          noType += classify(chunk, brands, amounts, titles, prices);
        }
        c.commit();
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StorageException("cannot read observed prices: " + e.getMessage(), e);
    }
    long tooFew = 0;
    List<Group> groups = new ArrayList<>();
    for (var e : prices.entrySet()) {
      String[] key = e.getKey().split("\u0000", 3);
      if (e.getValue().size() < minSamples) {
        if (key[1].isEmpty()) {
          tooFew += e.getValue().size(); // a line's listings are counted in their brand's group
        }
        continue;
      }
      long[] values = e.getValue().stream().mapToLong(Long::longValue).toArray();
      long median = median(values);
      long[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
      groups.add(new Group(key[0], key[1], key[2], median, median(deviations), values.length));
    }
    return new Result(
        since, minSamples, priced, counterfeit, noBrand, noType, tooFew, List.copyOf(groups));
  }

  private static long countCounterfeit(Connection c, Instant since) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT COUNT(*) FROM listings l JOIN verdicts v ON v.listing_id = l.id
        WHERE UPPER(l.price_currency) = 'VND' AND l.price_amount > 0 AND l.observed_at >= ?
          AND EXISTS (SELECT 1 FROM verdict_violations vv
                      WHERE vv.listing_id = l.id AND vv.violation = 'counterfeit')""")) {
      ps.setTimestamp(1, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Files a chunk under its brand (and line) and product type; returns how many had no type. Clears
   * the chunk.
   */
  private static long classify(
      List<String> titles,
      List<String> brands,
      List<Long> amounts,
      TitleReader reader,
      Map<String, List<Long>> prices) {
    if (titles.isEmpty()) {
      return 0;
    }
    List<Reading> readings = reader.read(List.copyOf(titles), List.copyOf(brands));
    if (readings.size() != titles.size()) {
      throw new IllegalStateException(
          "title readings: " + readings.size() + " answers for " + titles.size() + " titles");
    }
    long none = 0;
    for (int i = 0; i < titles.size(); i++) {
      Reading r = readings.get(i);
      if (r == null || r.type() == null) {
        none++;
        continue;
      }
      file(prices, brands.get(i), "", r.type(), amounts.get(i));
      if (r.line() != null && !r.line().isEmpty()) {
        file(prices, brands.get(i), r.line(), r.type(), amounts.get(i));
      }
    }
    titles.clear();
    brands.clear();
    amounts.clear();
    return none;
  }

  private static void file(
      Map<String, List<Long>> prices, String brand, String line, String type, long amount) {
    prices
        .computeIfAbsent(brand + "\u0000" + line + "\u0000" + type, k -> new ArrayList<>())
        .add(amount);
  }

  /** The one known brand found in the title or the claimed brand, else null. */
  static String brandOf(String scoredJson, Predicate<String> knownBrand) {
    Scored s = JsonCodec.mapper().readValue(scoredJson, Scored.class);
    Set<String> ids = new TreeSet<>();
    for (BrandHit h : s.brands()) {
      if (h.brand() != null
          && ("title".equals(h.field()) || "claimed".equals(h.field()))
          && knownBrand.test(h.brand())) {
        ids.add(h.brand());
      }
    }
    return ids.size() == 1 ? ids.iterator().next() : null;
  }

  /** The middle value; for an even count, the mean of the two middle values rounded down. */
  static long median(long[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of nothing");
    }
    long[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : Math.floorDiv(v[n / 2 - 1] + v[n / 2], 2);
  }
}
