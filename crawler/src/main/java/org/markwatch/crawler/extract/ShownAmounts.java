package org.markwatch.crawler.extract;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every amount a page's text shows, each read in both writings ("43,90" and "43.90" are 43.9;
 * "1.190.000" is 1190000), to tell whether a price given in markup is one the page shows at all.
 * Reading a number more ways than it was meant only makes a markup price look shown more often,
 * which keeps the markup's price: the safe side.
 */
final class ShownAmounts {
  /** Characters of text read, at most, and numbers kept. */
  static final int MAX_TEXT = 2_000_000;

  static final int MAX_NUMBERS = 100_000;

  // Bounded repetitions: an unbounded repeated group recurses once per repetition in
  // java.util.regex, and "1,1,1,..." 30,000 times long overflowed the stack. No amount has more
  // than a few groups ("1.000.000.000,00").
  private static final Pattern NUMBER =
      Pattern.compile("\\d{1,30}(?:[.,'\u00a0\u202f ]\\d{1,3}){0,6}");
  private static final Pattern SEPARATOR = Pattern.compile("[.,'\u00a0\u202f ]");
  private static final Pattern SPACE = Pattern.compile("[\u00a0\u202f ]");

  private final Set<BigDecimal> amounts = new HashSet<>();

  private ShownAmounts() {}

  static ShownAmounts of(String text) {
    ShownAmounts out = new ShownAmounts();
    String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    Matcher m = NUMBER.matcher(t);
    while (m.find() && out.amounts.size() < MAX_NUMBERS) {
      out.read(m.group());
    }
    return out;
  }

  boolean contains(BigDecimal amount) {
    return amount != null && amounts.contains(amount.stripTrailingZeros());
  }

  /**
   * Reads {@code token} whole and, when spaces split it, each run of its pieces: text joins
   * neighbouring amounts with a space ("$21.99 12-lb bag" gives "21.99 12"), and a space also
   * groups thousands ("1 299,00").
   */
  private void read(String token) {
    String[] pieces = SPACE.split(token);
    if (pieces.length == 1) {
      readOne(token);
      return;
    }
    for (int i = 0; i < pieces.length; i++) {
      StringBuilder run = new StringBuilder();
      for (int j = i; j < pieces.length; j++) {
        if (j > i) {
          run.append(' ');
        }
        run.append(pieces[j]);
        if (!run.isEmpty()) {
          readOne(run.toString());
        }
      }
    }
  }

  private void readOne(String token) {
    String[] groups = SEPARATOR.split(token);
    if (groups.length == 1) {
      add(token);
      return;
    }
    String last = groups[groups.length - 1];
    StringBuilder head = new StringBuilder();
    boolean thousands = true;
    for (int i = 0; i < groups.length - 1; i++) {
      head.append(groups[i]);
      thousands &= i == 0 || groups[i].length() == 3;
    }
    if (last.length() <= 2) {
      add(head + "." + last);
    }
    if (thousands && last.length() == 3) {
      add(head + last);
    }
  }

  private void add(String plain) {
    if (plain.length() > 30) {
      return;
    }
    amounts.add(new BigDecimal(plain).stripTrailingZeros());
  }
}
