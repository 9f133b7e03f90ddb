package org.markwatch.storage.review;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which page of the review queue to read. Null filters match everything.
 *
 * @param states review states to show (default: new, in_review, escalated)
 * @param assignee only listings assigned to this user ("my queue"); {@link #UNASSIGNED} for none
 * @param flaggedOnly only listings whose current verdict is flagged (a rescore can unflag one)
 * @param text case-insensitive substring of the title, listing id, seller name or seller id
 * @param sort score (highest first), date (newest observation first) or price (highest first)
 */
public record ReviewFilter(
    Set<ReviewState> states,
    String assignee,
    String violation,
    String platform,
    String provinceCode,
    String text,
    boolean flaggedOnly,
    Sort sort,
    int offset,
    int limit) {
  public static final String UNASSIGNED = "-";
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public enum Sort {
    SCORE("v.score DESC, l.id"),
    DATE("l.observed_at DESC, l.id"),
    PRICE("l.price_amount DESC NULLS LAST, l.id"),
    QUEUED("r.queued_at, l.id");

    final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }

    public static Sort parse(String s) {
      return s == null || s.isBlank() ? SCORE : valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
  }

  public ReviewFilter {
    states = states == null || states.isEmpty() ? ReviewState.open() : EnumSet.copyOf(states);
    states = Set.copyOf(states);
    assignee = blankToNull(assignee);
    violation = blankToNull(violation);
    platform = blankToNull(platform);
    provinceCode = blankToNull(provinceCode);
    text = blankToNull(text);
    sort = sort == null ? Sort.SCORE : sort;
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }

  /** The open queue, highest score first. */
  public static ReviewFilter open() {
    return new ReviewFilter(null, null, null, null, null, null, true, Sort.SCORE, 0, DEFAULT_LIMIT);
  }

  public ReviewFilter withStates(Set<ReviewState> s) {
    return new ReviewFilter(
        s, assignee, violation, platform, provinceCode, text, flaggedOnly, sort, 0, limit);
  }

  public ReviewFilter withAssignee(String a) {
    return new ReviewFilter(
        states, a, violation, platform, provinceCode, text, flaggedOnly, sort, 0, limit);
  }

  public ReviewFilter withViolation(String v) {
    return new ReviewFilter(
        states, assignee, v, platform, provinceCode, text, flaggedOnly, sort, 0, limit);
  }

  public ReviewFilter withPlatform(String p) {
    return new ReviewFilter(
        states, assignee, violation, p, provinceCode, text, flaggedOnly, sort, 0, limit);
  }

  public ReviewFilter withProvince(String p) {
    return new ReviewFilter(
        states, assignee, violation, platform, p, text, flaggedOnly, sort, 0, limit);
  }

  public ReviewFilter withText(String t) {
    return new ReviewFilter(
        states, assignee, violation, platform, provinceCode, t, flaggedOnly, sort, 0, limit);
  }

  public ReviewFilter withSort(Sort s) {
    return new ReviewFilter(
        states, assignee, violation, platform, provinceCode, text, flaggedOnly, s, 0, limit);
  }

  public ReviewFilter withFlaggedOnly(boolean f) {
    return new ReviewFilter(
        states, assignee, violation, platform, provinceCode, text, f, sort, 0, limit);
  }

  public ReviewFilter page(int newOffset, int newLimit) {
    return new ReviewFilter(
        states,
        assignee,
        violation,
        platform,
        provinceCode,
        text,
        flaggedOnly,
        sort,
        newOffset,
        newLimit);
  }

  Optional<String> textPattern() {
    if (text == null) {
      return Optional.empty();
    }
    String escaped =
        text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return Optional.of("%" + escaped + "%");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
