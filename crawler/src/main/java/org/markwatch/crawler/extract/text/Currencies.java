package org.markwatch.crawler.extract.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Currency symbols and codes as they appear next to prices, and their ISO 4217 codes. Symbols are
 * searched in two tiers: unambiguous ones first ("€", "₫", "zł", "R$"), then ISO codes and the
 * national symbols the JDK's locale data knows. Alphabetic symbols only match as whole words.
 */
public final class Currencies {
  /** Symbols unambiguous enough to win wherever they appear; dollar variants before "$". */
  private static final List<String> SAFE =
      List.of(
          "Bds$",
          "CUC$",
          "MOP$",
          "AR$",
          "AU$",
          "BN$",
          "BZ$",
          "CA$",
          "CL$",
          "CO$",
          "CV$",
          "HK$",
          "MX$",
          "NT$",
          "NZ$",
          "TT$",
          "RD$",
          "WS$",
          "US$",
          "$U",
          "C$",
          "J$",
          "N$",
          "R$",
          "S$",
          "T$",
          "Z$",
          "A$",
          "SY£",
          "LB£",
          "CN¥",
          "GH₵",
          "$",
          "€",
          "£",
          "zł",
          "Zł",
          "Kč",
          "₽",
          "¥",
          "￥",
          "฿",
          "դր.",
          "դր",
          "₦",
          "₴",
          "₱",
          "৳",
          "₭",
          "₪",
          "﷼",
          "៛",
          "₩",
          "₫",
          "₡",
          "টকা",
          "ƒ",
          "₲",
          "؋",
          "₮",
          "नेरू",
          "₨",
          "₶",
          "₾",
          "֏",
          "ރ",
          "৲",
          "૱",
          "௹",
          "₠",
          "₢",
          "₣",
          "₤",
          "₧",
          "₯",
          "₰",
          "₳",
          "₷",
          "₸",
          "₹",
          "₺",
          "₼",
          "₿",
          "ℳ",
          "원",
          "円",
          "元",
          "ر.ق.\u200f",
          "د.ك.\u200f",
          "د.ع.\u200f",
          "ر.ع.\u200f",
          "ر.ي.\u200f",
          "ر.س.\u200f",
          "د.ج.\u200f",
          "د.م.\u200f",
          "د.إ.\u200f",
          "د.ت.\u200f",
          "د.ل.\u200f",
          "ل.س.\u200f",
          "د.ب.\u200f",
          "د.أ.\u200f",
          "ج.م.\u200f",
          "ل.ل.\u200f",
          "تومان",
          "EUR",
          "euros",
          "Euros",
          "euro",
          "Euro",
          "eur",
          "CHF",
          "DKK",
          "Rp",
          "lei",
          "VNĐ",
          "VND",
          "vnđ",
          "vnd",
          "đồng",
          "руб.",
          "руб",
          "грн.",
          "грн",
          "дин.",
          "Dinara",
          "динар",
          "лв.",
          "лв",
          "р.",
          "тңг.",
          "тңг",
          "ман.");

  /**
   * Additional less safe symbols not in the JDK's locale data, among them Kenyan shillings as shops
   * write them ("KSh 4,599"; the locale data has "Ksh") and dong written as a letter after the
   * amount ("450.000đ"; inside a word it is a letter).
   */
  private static final List<String> OTHER_EXTRA =
      List.of(
          "р", "Р", "kr", "Kr", "kr.", "Ft", "Lt", "Ls", "kn", "Kn", "Rs", "Rs.", "KD", "BD", "QR",
          "SR", "RM", "Bs", "Bs.", "S/.", "S/", "lek", "Lek", "TL", "KM", "Ks", "B/.", "Br", "pln",
          "Fr.", "Fr", "LEI", "Lei", "LD", "ZK", "र", "ден", "сом", "сўм", "جنيه", "درهم", "ريال",
          "دينار", "ل.س", "ر.س", "د.إ", "DH", "Dhs", "AED", "Sh", "KSh", "KShs", "Kshs", "Tk",
          "Nu.", "MK", "FCFA", "CFA", "F CFA", "XOF", "Le", "UM", "đ", "Đ");

  private static final Map<String, String> ISO = new HashMap<>();
  private static final SymbolTable SAFE_PATTERN;
  private static final SymbolTable OTHER_PATTERN;
  private static final Pattern DOLLAR_CODE;

  static {
    Set<String> other = new LinkedHashSet<>();
    for (Currency c : Currency.getAvailableCurrencies()) {
      other.add(c.getCurrencyCode());
      ISO.putIfAbsent(c.getCurrencyCode(), c.getCurrencyCode());
    }
    // Local symbols of every country, from the JDK's locale data, written once to a file: asking
    // the JDK for them at start-up took 20 s (see CurrencySymbolsGenerator in the tests).
    for (String[] symbolAndCode : localSymbols()) {
      other.add(symbolAndCode[0]);
      ISO.putIfAbsent(symbolAndCode[0], symbolAndCode[1]);
    }
    other.addAll(OTHER_EXTRA);
    other.removeAll(SAFE);
    other.remove("XXX");
    // Single capital letters are far too common on their own.
    other.removeIf(s -> s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z');
    SAFE_PATTERN = new SymbolTable(SAFE);
    OTHER_PATTERN = new SymbolTable(new ArrayList<>(other));
    List<String> dollarCodes = new ArrayList<>();
    for (Currency c : Currency.getAvailableCurrencies()) {
      if (c.getCurrencyCode().endsWith("D")) {
        dollarCodes.add(c.getCurrencyCode());
      }
    }
    DOLLAR_CODE =
        Pattern.compile("\\b(" + String.join("|", dollarCodes) + ")(?=\\$?(?:[\\W\\d]|$))");
    String[][] known = {
      {"$", "USD"},
      {"US$", "USD"},
      {"€", "EUR"},
      {"£", "GBP"},
      {"¥", "JPY"},
      {"￥", "JPY"},
      {"円", "JPY"},
      {"元", "CNY"},
      {"CN¥", "CNY"},
      {"₫", "VND"},
      {"đ", "VND"},
      {"KSh", "KES"},
      {"KShs", "KES"},
      {"Kshs", "KES"},
      {"Đ", "VND"},
      {"VNĐ", "VND"},
      {"vnđ", "VND"},
      {"vnd", "VND"},
      {"đồng", "VND"},
      {"dong", "VND"},
      {"đô", "USD"},
      {"đô la", "USD"},
      {"₩", "KRW"},
      {"원", "KRW"},
      {"zł", "PLN"},
      {"Zł", "PLN"},
      {"Kč", "CZK"},
      {"₽", "RUB"},
      {"руб", "RUB"},
      {"руб.", "RUB"},
      {"р.", "RUB"},
      {"р", "RUB"},
      {"Р", "RUB"},
      {"грн", "UAH"},
      {"грн.", "UAH"},
      {"₴", "UAH"},
      {"лв", "BGN"},
      {"лв.", "BGN"},
      {"฿", "THB"},
      {"₹", "INR"},
      {"Rs", "INR"},
      {"Rs.", "INR"},
      {"₺", "TRY"},
      {"TL", "TRY"},
      {"R$", "BRL"},
      {"A$", "AUD"},
      {"AU$", "AUD"},
      {"C$", "CAD"},
      {"CA$", "CAD"},
      {"NZ$", "NZD"},
      {"HK$", "HKD"},
      {"S$", "SGD"},
      {"NT$", "TWD"},
      {"MX$", "MXN"},
      {"₱", "PHP"},
      {"₪", "ILS"},
      {"euro", "EUR"},
      {"Euro", "EUR"},
      {"euros", "EUR"},
      {"Euros", "EUR"},
      {"eur", "EUR"},
      {"Rp", "IDR"},
      {"RM", "MYR"},
      {"lei", "RON"},
      {"kr", "SEK"},
      {"Ft", "HUF"},
      {"KD", "KWD"},
      {"kn", "HRK"},
      {"₦", "NGN"},
      {"₭", "LAK"},
      {"៛", "KHR"},
      {"₸", "KZT"},
      {"₾", "GEL"},
      {"₼", "AZN"},
      {"֏", "AMD"},
      {"₮", "MNT"},
      {"₡", "CRC"},
      {"₲", "PYG"},
      {"৳", "BDT"},
      {"₨", "PKR"},
      {"₿", "XBT"},
      {"AED", "AED"},
      {"درهم", "AED"},
      {"جنيه", "EGP"},
      {"ريال", "SAR"},
      {"تومان", "IRR"},
      {"CHF", "CHF"},
      {"DKK", "DKK"},
      {"R", "ZAR"}
    };
    for (String[] k : known) {
      ISO.put(k[0], k[1]);
    }
    // Arabic symbols as pages write them: the locale data's "ر.س.\u200f" is "ر.س" on a price tag.
    for (Map.Entry<String, String> e : List.copyOf(ISO.entrySet())) {
      String bare = bare(e.getKey());
      if (!bare.isEmpty() && !bare.equals(e.getKey())) {
        ISO.putIfAbsent(bare, e.getValue());
      }
    }
  }

  /** A symbol without the right-to-left marks and the closing full stop of the locale data. */
  private static String bare(String symbol) {
    String s = symbol.replace("\u200f", "").replace("\u200e", "").strip();
    return s.length() > 2 && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Currencies other than dollars that are written with "$" at home (pesos, reais are "R$"). */
  private static final Set<String> PESOS_WRITTEN_WITH_DOLLAR =
      Set.of("ARS", "CLP", "COP", "MXN", "UYU", "DOP", "CUP", "CVE", "NIO", "TOP", "WST");

  private Currencies() {}

  private static List<String[]> localSymbols() {
    List<String[]> out = new ArrayList<>();
    try (var in = Currencies.class.getResourceAsStream("currency-symbols.tsv")) {
      if (in == null) {
        throw new IllegalStateException("currency-symbols.tsv missing from the crawler jar");
      }
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        int tab = line.indexOf('\t');
        if (!line.startsWith("#") && tab > 0) {
          out.add(new String[] {line.substring(0, tab), line.substring(tab + 1).strip()});
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read currency-symbols.tsv", e);
    }
    return out;
  }

  /**
   * The currency symbol or code as written in {@code price}, else in {@code hint}; null when none.
   * Dollar codes such as "SGD" win over a "$" attached to them.
   */
  public static String findSymbol(String price, String hint) {
    if (price != null && price.indexOf('$') >= 0) {
      String m = find(DOLLAR_CODE, price);
      if (m != null) {
        return m;
      }
    }
    if (hint != null && hint.indexOf('$') >= 0) {
      String m = find(DOLLAR_CODE, hint);
      if (m != null) {
        return m;
      }
    }
    for (SymbolTable table : List.of(SAFE_PATTERN, OTHER_PATTERN)) {
      String m = table.find(price);
      if (m == null) {
        m = table.find(hint);
      }
      if (m != null) {
        return m;
      }
    }
    return price != null && RAND.matcher(price).matches() ? "R" : null;
  }

  /**
   * The rand as South African shops write it, a capital R right before the amount ("R 1,299", "R1
   * 299.00"): a single letter, so only when the text is that amount and nothing else.
   */
  private static final Pattern RAND =
      Pattern.compile(
          "[^\\p{L}\\p{N}]{0,3}R[ \u00a0]?\\d{1,3}(?:[ ,\u00a0]?\\d{3})*(?:\\.\\d{2})?[^\\p{L}\\p{N}]{0,3}");

  /**
   * ISO 4217 code of a symbol as written ("₫" → VND); an ISO code is returned as is. A bare "$" is
   * USD unless {@code country} (ISO 3166 alpha-2, nullable) names a country with its own dollar.
   */
  public static String toIso(String symbol, String country) {
    if (symbol == null) {
      return null;
    }
    String s = symbol.strip();
    if ("$".equals(s) && country != null) {
      String local = localCurrency(country);
      if (local != null && (local.endsWith("D") || PESOS_WRITTEN_WITH_DOLLAR.contains(local))) {
        return local;
      }
    }
    if (("¥".equals(s) || "￥".equals(s)) && "CN".equalsIgnoreCase(country)) {
      return "CNY";
    }
    if ("kr".equalsIgnoreCase(s) && country != null) {
      String local = localCurrency(country);
      if (local != null && local.endsWith("K")) {
        return local;
      }
    }
    String iso = ISO.get(s);
    if (iso == null) {
      iso = ISO.get(s.toUpperCase(Locale.ROOT));
    }
    if (iso == null) {
      iso = ISO.get(bare(s));
    }
    return iso;
  }

  /** The currency of a country (ISO 3166 alpha-2), or null. */
  public static String localCurrency(String country) {
    if (country == null || country.length() != 2) {
      return null;
    }
    try {
      Currency c = Currency.getInstance(Locale.of("", country.toUpperCase(Locale.ROOT)));
      return c == null ? null : c.getCurrencyCode();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** True for a known ISO 4217 code. */
  public static boolean isIsoCode(String code) {
    if (code == null || code.length() != 3) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String find(Pattern p, String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  /**
   * Symbols indexed by their first character: the leftmost symbol in a text, the longest at its
   * position. Latin-script symbols match as whole words only ("L'unité" is no lira); other scripts
   * also match as a prefix, since they inflect ("рублей"). A regular expression with hundreds of
   * alternatives was the slowest part of extraction.
   */
  private static final class SymbolTable {
    private final Map<Character, List<String>> byFirst = new HashMap<>();

    SymbolTable(List<String> symbols) {
      for (String sym : new LinkedHashSet<>(symbols)) {
        byFirst.computeIfAbsent(sym.charAt(0), k -> new ArrayList<>()).add(sym);
      }
      byFirst.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).reversed()));
    }

    String find(String text) {
      if (text == null) {
        return null;
      }
      int n = text.length();
      for (int i = 0; i < n; i++) {
        List<String> candidates = byFirst.get(text.charAt(i));
        if (candidates == null) {
          continue;
        }
        for (String sym : candidates) {
          if (text.startsWith(sym, i) && bounded(text, i, i + sym.length(), sym)) {
            return sym;
          }
        }
      }
      return null;
    }

    private static boolean bounded(String text, int start, int end, String sym) {
      if (isWordLetter(sym.codePointAt(0), sym)
          && start > 0
          && (Character.isLetter(text.codePointBefore(start)) || hyphenedTo(text, start - 1, -1))) {
        return false;
      }
      return !(isWordLetter(sym.codePointBefore(sym.length()), sym)
          && end < text.length()
          && (Character.isLetter(text.codePointAt(end)) || hyphenedTo(text, end, 1)));
    }

    /**
     * Whether a hyphen at {@code at} joins the symbol to letters on its other side: "MNT-NC868" and
     * "BX-EUR" are model codes, not the tögrög or the euro.
     */
    private static boolean hyphenedTo(String text, int at, int direction) {
      int next = at + direction;
      return text.charAt(at) == '-'
          && next >= 0
          && next < text.length()
          && Character.isLetter(text.charAt(next));
    }
  }

  /**
   * Whether a symbol's letter must stand at a word's edge. Latin symbols always ("Rs", "kr", "đ"
   * are no part of "Rss", "krone", "đồng"); in other scripts that separate words only short symbols
   * ("ر", the rupee, is not the "ر" of "جرام"), while a longer one may be a word's stem ("руб" of
   * "рублей"). Chinese, Japanese, Korean and Thai write words together ("599元起").
   */
  private static boolean isWordLetter(int cp, String sym) {
    if (!Character.isLetter(cp)) {
      return false;
    }
    return switch (Character.UnicodeScript.of(cp)) {
      case LATIN -> true;
      case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR -> false;
      default -> sym.codePoints().filter(Character::isLetter).count() <= 2;
    };
  }
}
