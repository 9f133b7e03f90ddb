package org.markwatch.crawler.extract.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the asking price in free text such as a social post ("Giá 1tr2 ship COD, ib zalo 09..."):
 * numbers written with a money unit or after a price word. Phone numbers and counts are not prices,
 * so a bare number without either is never taken.
 *
 * <p>A post names more amounts than its price: the old price ("Giá gốc 650k, nay chỉ 450k"), a
 * multi-buy ("Mua 2 áo chỉ 850k"), shipping ("ship 30k"), a deposit, a wholesale or monthly price.
 * The words just before each amount, back to the previous amount or the start of the line, tell
 * which it is.
 */
public final class TextPriceFinder {
  private static final Pattern WITH_UNIT =
      Pattern.compile(
          "(?iu)(?<![\\d\\p{L}.,])(\\d{1,3}(?:[.,\\s]\\d{3})+|\\d+(?:[.,]\\d{1,3})?)\\s*"
              // "9k km" is a distance.
              + "(k(?!\\s?(?:km|mi|miles|dặm)(?!\\p{L}))|(?:nghìn|ngàn)(?!\\s?(?:km|dặm)(?!\\p{L}))|tr\\d{0,3}|(?:triệu|trieu|tỷ|tỉ)(?:\\s?\\d{1,3}(?![\\d.,])(?!\\s*(?:nghìn|ngàn|triệu|trieu|k)(?!\\p{L})))?|củ|đ|₫|vnđ|vnd|đồng|dong|đô(?:\\s*la)?|usd|\\$|€"
              // Posts on Russian- and Ukrainian-language networks: "Цена 6500р", "1500 грн".
              + "|₽|руб(?:лей|ля|ль|\\.)?|р\\.?|грн\\.?|₴"
              // European posts: "95 Euro", "40 EUR", "£60", "120 zł", "900 Kč", "35 CHF".
              + "|euros?|eur|£|zł|kč|chf)(?!\\p{L})");

  /**
   * An amount after its currency sign with the words sale posts in English put after it ("$85
   * shipped", "C$260 shipped", "$150 each", "$290 OBO"); a "$25" alone in a shop's text is no
   * offer.
   */
  private static final Pattern SIGN_FIRST =
      Pattern.compile(
          "(?<![\\p{L}\\d])(?:(?:US|CA|C|AU|A|NZ|S|HK)?\\$|€|£)\\s?"
              + "(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)(?![\\d.,]?\\d)"
              + "(?=\\s*(?i:shipped|obo|firm|local|each|ono|ovno|or best offer|plus shipping"
              // The same words on German-language boards: "€ 60 inkl. Versand", "€ 40 VB".
              + "|inkl\\.? versand|zzgl\\.? versand|vb|festpreis)(?!\\p{L}))");

  private static final Pattern AFTER_WORD =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(?<!địa\\s)(?<!trị\\s)(giá|gia|price|chỉ|chi còn|chỉ còn|sale|giá sốc|giá bán|thanh lý|pass|💰|💵|💸)(?!\\p{L})[\\s:=-]{0,4}"
              + "(\\$?\\d{1,3}(?:[.,]\\d{3})+|\\$?\\d+(?:[.,]\\d{1,3})?\\s*(?:k|tr\\d{0,3}|triệu|củ|đ|₫)?)(?!\\d)");

  /**
   * Words before an amount that make it something other than the item's price: shipping, fees, a
   * deposit, wholesale, a bundle or multi-buy, a coupon, instalments, a threshold ("đơn từ 300k").
   */
  private static final Pattern NOT_THE_PRICE =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(?<!miễn\\s)(ship|freeship|phí|cước|cọc|voucher|coupon|mã giảm|góp|"
              + "trả trước|lương|tặng|thưởng|shipping|delivery|deposit"
              // What a gift or a prize is worth ("tặng 1 tai nghe trị giá 1tr2").
              + "|trị giá|giá trị|worth|valued at"
              // An entry fee is no item's price ("kostet der Eintritt 3 €").
              + "|eintritt|admission|entrance fee|entry fee"
              // Delivery in the languages of other shops' top bars ("Versandkostenfrei ab 49 €").
              + "|versand\\p{L}*|lieferung|livraison|envío|envio|frete|spedizione|verzending|dostawa)(?!\\p{L})");

  /**
   * Words anywhere before an amount, back to the previous one, that make it a bundle's or a bulk
   * price or a count whatever follows ("Mua 2 áo chỉ 850k", "Sỉ từ 10 cái 150k", "đơn từ 300k", "Đã
   * bán 3,4k").
   */
  private static final Pattern BUNDLE =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(sỉ|buôn|combo|wholesale|bundle|đơn(?:\\s+hàng)?\\s+(?:từ|trên)|mua\\s+\\d+(?![.,]?\\d)"
              // Counts: "Đã bán 3,4k", "Đã xem: 2314".
              + "|đã bán|bán được|sold|đánh giá|reviews?|views?|đã xem)(?!\\p{L})");

  /**
   * A quantity of two or more just before an amount makes it a bundle's price ("2 áo 850k", "3 hộp
   * chỉ 500k").
   */
  private static final Pattern QUANTITY_JUST_BEFORE =
      Pattern.compile(
          "(?iu)(?<![\\p{L}\\d])(?:[2-9]|[1-9]\\d+)\\s*(?:áo|cái|chiếc|sp|sản phẩm|bộ|hộp|đôi|món|chai|lọ|hũ|gói|cặp|quyển|cuốn|"
              + "pcs|items?)(?!\\p{L})[\\s:=–-]*(?:chỉ còn|chỉ|giá|là|only|for)?[\\s:=–-]*$");

  /**
   * Words just before an amount that make it the price before a discount, or what a used item was
   * bought for new.
   */
  private static final Pattern OLD_PRICE =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(giá\\s+gốc|gốc|giá\\s+cũ|giá\\s+niêm\\s+yết|niêm\\s+yết|giá\\s+thị\\s+trường|giá\\s+hãng|"
              + "giá\\s+thường|trước\\s+đây|giá\\s+trước|was|rrp|original|regular"
              // What a used item was bought for ("Mua 1tr9, pass lại 950k"), not "Mua ngay 299k".
              + "|(?<!giá\\s)mua(?>\\s+(?:về|lại|mới|hồi))?(?!\\s+(?:ngay|liền)))(?!\\p{L})");

  /** Words just before an amount that make it a discount ("giảm 200k"), unless "còn" follows. */
  private static final Pattern DISCOUNT =
      Pattern.compile("(?iu)(?<!\\p{L})(giảm|bớt|tiết kiệm|save|off)(?!\\p{L})");

  /** Words just before an amount that make it the asking price ("nay giá chỉ", "còn"). */
  private static final Pattern ASKING =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(?<!địa\\s)(?<!trị\\s)(giá|chỉ|còn|nay|bán|sale|thanh lý|pass|price|now|only|цена|ціна|💰|💵|💸|🏷️?)(?!\\p{L})");

  /**
   * Words that count items sold: a price per one of them ("850k/đôi", "120k/hộp") is the item's
   * price, not a unit price.
   */
  private static final String ITEM_WORDS =
      "cái|chiếc|đôi|hộp|bộ|sp|sản phẩm|chai|lọ|hũ|tuýp|cây|thỏi|gói|cặp|quyển|cuốn|món|sợi|set|pcs|pc|piece|pair|each|ea|item|unit";

  /** An amount per item sold ("99k/cái"): a price even without a price word before it. */
  private static final Pattern PER_ITEM_AFTER =
      Pattern.compile("(?iu)^\\s*/\\s*(?:1\\s*)?(?:" + ITEM_WORDS + ")(?!\\p{L})");

  /** "2K", "4K", "8K": a resolution unless a price word comes right before ("giá 5K"). */
  private static final Pattern RESOLUTION = Pattern.compile("[1-9]\\s?K");

  private static final Pattern ASKING_JUST_BEFORE =
      Pattern.compile(ASKING.pattern() + "[\\s:=–-]*$");

  /** Amounts per month, per kilo, per metre ("99k/tháng", "25k/kg") are not the item's price. */
  private static final Pattern PER_UNIT_AFTER =
      Pattern.compile(
          "(?iu)^\\s*(/(?!\\s*(?:1\\s*)?(?:"
              + ITEM_WORDS
              + ")(?!\\p{L}))|x\\s*\\d|mỗi|một\\s+tháng"
              // A count written like thousands: "1,2K lượt thích", "3k sold".
              + "|lượt|người|views?|sold|đã bán|reviews?|đánh giá|likes?|followers?|theo dõi|bình luận)");

  /** How many characters before an amount its context reaches at most. */
  private static final int CONTEXT_CHARS = 60;

  /** Texts longer than this are read only up to it. */
  private static final int MAX_TEXT_CHARS = 20_000;

  /** The asking price of a text and the old price it names, if any (null when none). */
  public record Offer(ParsedPrice price, BigDecimal listPrice) {
    public static final Offer NONE = new Offer(ParsedPrice.NONE, null);
  }

  /**
   * An amount in the text; {@code currencyWritten} when a currency or a unit only money has names
   * it (đ, ₫, $, €, USD, "1tr9", "3 triệu 5"), not "k" or "củ" ("4K", "18K", "1 củ sạc").
   */
  private record Mention(int start, int end, String text, boolean currencyWritten) {}

  private static final Pattern CURRENCY_UNIT =
      Pattern.compile(
          "(?iu)^(?:đ|₫|vnđ|vnd|đồng|dong|đô(?:\\s*la)?|usd|\\$|€|tr\\d{0,3}|(?:triệu|trieu|tỷ|tỉ)(?:\\s?\\d{1,3})?"
              + "|nghìn|ngàn|₽|руб(?:лей|ля|ль|\\.)?|р\\.?|грн\\.?|₴|euros?|eur|£|zł|kč|chf)$");

  private enum Role {
    PRICE,
    OLD,
    OTHER
  }

  private TextPriceFinder() {}

  /** The asking price in {@code text}, or {@link ParsedPrice#NONE}. */
  public static ParsedPrice find(String text) {
    return offer(text).price();
  }

  /**
   * The asking price in {@code text} and the old price it names beside it (a higher amount after
   * "giá gốc", "was"), or {@link Offer#NONE}. The first amount that is neither an old price nor
   * something else (shipping, a multi-buy, a deposit) is the price; when every amount is an old
   * price or something else, there is none.
   */
  public static Offer offer(String text) {
    return offer(text, false);
  }

  /**
   * As {@link #offer(String)}; {@code strict} for text that may not be an offer at all (a card or a
   * block of a page that shows no price element): an amount counts only after a price word or with
   * a currency written ("4K", "18K", "1 củ sạc" alone are no price).
   */
  public static Offer offer(String text, boolean strict) {
    if (text == null || text.isBlank()) {
      return Offer.NONE;
    }
    String t = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    ParsedPrice price = null;
    BigDecimal old = null;
    int previousEnd = 0;
    for (Mention m : mentions(t)) {
      ParsedPrice p = parse(m.text());
      Role role = role(t, Math.max(previousEnd, lineStart(t, m.start())), m, strict);
      previousEnd = m.end();
      if (!p.hasAmount()) {
        continue;
      }
      if (role == Role.OLD && old == null) {
        old = p.amount();
      } else if (role == Role.PRICE && price == null) {
        price = p;
      }
      if (price != null && old != null) {
        break;
      }
    }
    if (price == null) {
      return Offer.NONE;
    }
    return new Offer(price, old != null && old.compareTo(price.amount()) > 0 ? old : null);
  }

  /** Amounts with a unit and amounts after a price word, in text order, without overlaps. */
  private static List<Mention> mentions(String t) {
    List<Mention> all = new ArrayList<>();
    Matcher u = WITH_UNIT.matcher(t);
    while (u.find()) {
      all.add(
          new Mention(
              u.start(), u.end(), u.group(), CURRENCY_UNIT.matcher(u.group(2).strip()).matches()));
    }
    Matcher sign = SIGN_FIRST.matcher(t);
    while (sign.find()) {
      all.add(new Mention(sign.start(), sign.end(), sign.group(), true));
    }
    Matcher w = AFTER_WORD.matcher(t);
    while (w.find()) {
      all.add(new Mention(w.start(2), w.end(2), w.group(2), false));
    }
    all.sort(Comparator.comparingInt(Mention::start).thenComparing(m -> -m.end()));
    List<Mention> out = new ArrayList<>();
    int end = -1;
    for (Mention m : all) {
      if (m.start() >= end) {
        out.add(m);
        end = m.end();
      }
    }
    return out;
  }

  /** Where the line or sentence holding {@code at} starts: words before it say nothing of it. */
  private static int lineStart(String t, int at) {
    for (int i = at - 1; i > 0; i--) {
      char c = t.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (Character.isWhitespace(c) && ".!?;".indexOf(t.charAt(i - 1)) >= 0) {
        return i + 1;
      }
    }
    return 0;
  }

  /** What the words between {@code from} and the amount make of it. */
  private static Role role(String t, int from, Mention m, boolean strict) {
    String before = t.substring(Math.max(from, m.start() - CONTEXT_CHARS), m.start());
    String after = t.substring(m.end(), Math.min(t.length(), m.end() + 12));
    if (BUNDLE.matcher(before).find()
        || QUANTITY_JUST_BEFORE.matcher(before).find()
        || PER_UNIT_AFTER.matcher(after).find()) {
      return Role.OTHER;
    }
    if (RESOLUTION.matcher(m.text()).matches() && !ASKING_JUST_BEFORE.matcher(before).find()) {
      return Role.OTHER; // "màn hình 27 inch 2K 144Hz – 3tr5": a screen's resolution
    }
    int old = lastStart(OLD_PRICE, before);
    int discount = lastStart(DISCOUNT, before);
    int asking = lastStart(ASKING, before);
    int other = lastStart(NOT_THE_PRICE, before);
    if (other >= 0 && other >= asking && other >= old) {
      // "ship 30k", but "Freeship toàn quốc, giá chỉ 450k": the nearer price word wins.
      return Role.OTHER;
    }
    if (strict && !m.currencyWritten() && m.text().strip().matches("\\$?\\d+(?:[.,]\\d{1,2})?")) {
      return Role.OTHER; // "FLASH SALE 12.12": a bare number after a word is a date or a code
    }
    if (strict
        && asking < 0
        && old < 0
        && !m.currencyWritten()
        && !PER_ITEM_AFTER.matcher(after).find()) {
      // Without a price word, "4K", "18K" and "1 củ" are a resolution, a gold purity and a count.
      return Role.OTHER;
    }
    // The cue nearest the amount decides: "giá gốc 650k, nay giá chỉ 450k".
    if (old >= 0 && old >= asking && old >= discount) {
      return Role.OLD;
    }
    if (discount > asking) {
      return Role.OTHER;
    }
    return Role.PRICE;
  }

  /** Where the last match of {@code p} in {@code s} starts; an old-price phrase counts whole. */
  private static int lastStart(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int last = -1;
    while (m.find()) {
      last = m.start();
    }
    return last;
  }

  private static ParsedPrice parse(String candidate) {
    ParsedPrice p = PriceParser.parse(candidate, null, null, null);
    if (!p.hasAmount()) {
      return ParsedPrice.NONE;
    }
    if (p.currencyIso() == null && p.currencySymbol() == null) {
      // A bare number after "giá" on a Vietnamese page: dong, with "." grouping thousands.
      String digits = candidate.strip();
      if (digits.matches("\\d{1,3}([.,]\\d{3})+")) {
        return new ParsedPrice(new BigDecimal(digits.replaceAll("[.,]", "")), null, "VND");
      }
      return new ParsedPrice(p.amount(), null, null);
    }
    return p;
  }
}
