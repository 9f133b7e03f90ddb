package org.markwatch.storage.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The figures of a period (dates inclusive, Asia/Ho_Chi_Minh): listings observed in it and their
 * current verdicts, broken down; analysts' decisions and the actions taken in it.
 */
public record Report(
    LocalDate from,
    LocalDate to,
    long listings,
    long flagged,
    List<Count> byPlatform,
    List<Count> byCategory,
    List<Count> byProvince,
    List<Count> byViolation,
    List<Count> byBrand,
    List<Month> trend,
    List<SellerRow> topSellers,
    List<Count> decisions,
    List<ActionRow> actions) {

  /** A key (id), its label (for people) and its counts: listings and flagged listings. */
  public record Count(String key, String label, long listings, long flagged) {}

  /** One month of the trend. */
  public record Month(YearMonth month, long listings, long flagged) {}

  /** A seller by flagged listings in the period. */
  public record SellerRow(
      String sellerId,
      String name,
      String platform,
      String province,
      long listings,
      long flagged) {}

  /** Actions taken (takedown requests, referrals, fines) by kind and status; fines summed. */
  public record ActionRow(String kind, String status, long count, BigDecimal amountVnd) {}
}
