package org.markwatch.model;

import java.util.Locale;
import java.util.Map;

/**
 * Digits spelled out as words, the way sellers write phone numbers to slip past filters ("không
 * chín một hai...", "zero nine one two..."). Vietnamese with and without accents, chat shorthand
 * ("ko", "o" for zero) and English. Shared by the crawler's contact finder and the detectors' phone
 * validator so both read a spelled number the same way.
 */
public final class DigitWords {
  private static final Map<String, Character> WORDS =
      Map.ofEntries(
          Map.entry("không", '0'),
          Map.entry("khong", '0'),
          Map.entry("ko", '0'),
          Map.entry("o", '0'),
          Map.entry("zero", '0'),
          Map.entry("một", '1'),
          Map.entry("mot", '1'),
          Map.entry("mốt", '1'),
          Map.entry("one", '1'),
          Map.entry("hai", '2'),
          Map.entry("two", '2'),
          Map.entry("ba", '3'),
          Map.entry("three", '3'),
          Map.entry("bốn", '4'),
          Map.entry("bon", '4'),
          Map.entry("tư", '4'),
          Map.entry("four", '4'),
          Map.entry("năm", '5'),
          Map.entry("nam", '5'),
          Map.entry("lăm", '5'),
          Map.entry("five", '5'),
          Map.entry("sáu", '6'),
          Map.entry("sau", '6'),
          Map.entry("six", '6'),
          Map.entry("bảy", '7'),
          Map.entry("bẩy", '7'),
          Map.entry("bay", '7'),
          Map.entry("seven", '7'),
          Map.entry("tám", '8'),
          Map.entry("tam", '8'),
          Map.entry("eight", '8'),
          Map.entry("chín", '9'),
          Map.entry("chin", '9'),
          Map.entry("nine", '9'));

  private DigitWords() {}

  /** The digit {@code word} spells (any case), or null when it spells none. */
  public static Character digit(String word) {
    return WORDS.get(word.toLowerCase(Locale.ROOT));
  }
}
