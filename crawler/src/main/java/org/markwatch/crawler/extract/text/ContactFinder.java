package org.markwatch.crawler.extract.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markwatch.model.Contact;
import org.markwatch.model.DigitWords;

/**
 * Finds contact points in free text: Vietnamese phone numbers however they are written
 * ("0912.345.678", "+84 912 345 678", "zalo 09x...", digits spelled out as words), e-mail
 * addresses, bank accounts with their bank, Telegram and Facebook handles. Phones are given in
 * national form ("0912345678"); a phone named as a Zalo contact is listed as {@code zalo} and as
 * {@code phone}. Text longer than {@value #MAX_CHARS} characters is cut.
 */
public final class ContactFinder {
  public static final int MAX_CHARS = 100_000;

  private static final Pattern TOKEN = Pattern.compile("\\+\\s?84|\\d+|\\p{L}+");
  private static final Pattern SEPARATOR = Pattern.compile("[\\s.\\-_,/()*~]{0,3}");
  private static final Pattern PHONE_IN_DIGITS =
      Pattern.compile("(?:\\+84|84|0)([35789]\\d{8}|2\\d{9})|(1[89]00\\d{4})");
  private static final Pattern ZALO =
      Pattern.compile("(?i)(zalo|zl|za\\s?lo|z\\.a\\.l\\.o)\\W{0,6}$");

  /** Numbers after these words are tax codes or registrations, not phones. */
  private static final Pattern NOT_A_PHONE =
      Pattern.compile(
          "(?iu)(mst|mã số thuế|ma so thue|mã số doanh nghiệp|tax|đkkd|gpkd|giấy chứng nhận|kinh doanh số|stk|"
              + "tài khoản|account|mã đơn|order|sku|mã sp)\\W{0,12}(?:số\\W{0,3})?$");

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9._%+-]{1,64}\\s?(?:@|\\(at\\)|\\[at\\])\\s?[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,12}");
  private static final String BANKS =
      "vietcombank|vcb|techcombank|tcb|mbbank|mb bank|mb|acb|bidv|agribank|vpbank|vp bank"
          + "|tpbank|tp bank|sacombank|vietinbank|viettinbank|vib|shb|hdbank|ocb|seabank|msb|eximbank|scb|abbank|namabank"
          + "|nam a bank|lpbank|lienvietpostbank|bacabank|pvcombank|kienlongbank|momo|viettelpay|timo|cake";
  private static final Pattern BANK_THEN_NUMBER =
      Pattern.compile(
          "(?iu)(?<!\\p{L})("
              + BANKS
              + ")(?!\\p{L})[^\\d\\n]{0,30}?(\\d{2,}(?:[ .-]\\d{3,}){0,5})");
  private static final Pattern ACCOUNT_THEN_NUMBER =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(stk|số tk|số tài khoản|so tai khoan|tài khoản|tai khoan|tk|account)(?!\\p{L})[\\s:.#-]{0,5}(\\d{2,}(?:[ .-]\\d{3,}){0,5})");
  private static final Pattern BANK_NAME =
      Pattern.compile("(?iu)(?<!\\p{L})(" + BANKS + ")(?!\\p{L})");
  private static final Pattern TELEGRAM =
      Pattern.compile(
          "(?i)(?:t\\.me/|telegram\\.me/|(?<!\\p{L})(?:telegram|tele|tg)(?!\\p{L})\\s*[:\\-]?\\s*@?)([A-Za-z][A-Za-z0-9_]{3,31})");
  private static final Pattern FACEBOOK =
      Pattern.compile(
          "(?i)(?:(?:m\\.|www\\.)?facebook\\.com/|fb\\.com/|fb\\.me/|(?<!\\p{L})(?:fb|facebook|face)(?!\\p{L})\\s*[:\\-]\\s*@?)"
              + "([A-Za-z0-9][A-Za-z0-9.]{2,63})");

  private ContactFinder() {}

  /**
   * Every contact point in {@code text}, in order of appearance within each kind, without
   * duplicates.
   */
  public static List<Contact> find(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    Set<Contact> out = new LinkedHashSet<>();
    Set<String> accountDigits = new LinkedHashSet<>();
    bankAccounts(t, out, accountDigits);
    phones(t, out, accountDigits);
    Matcher e = EMAIL.matcher(t);
    while (e.find()) {
      out.add(
          new Contact(
              "email",
              e.group()
                  .replaceAll("\\s", "")
                  .replace("(at)", "@")
                  .replace("[at]", "@")
                  .toLowerCase(Locale.ROOT)));
    }
    Matcher tg = TELEGRAM.matcher(t);
    while (tg.find()) {
      out.add(new Contact("telegram", "@" + tg.group(1)));
    }
    Matcher fb = FACEBOOK.matcher(t);
    while (fb.find()) {
      String handle = fb.group(1).replaceAll("\\.+$", "");
      if (!handle.equalsIgnoreCase("com") && handle.length() >= 3) {
        out.add(new Contact("url", "https://facebook.com/" + handle));
      }
    }
    return new ArrayList<>(out);
  }

  private static void bankAccounts(String t, Set<Contact> out, Set<String> accountDigits) {
    Matcher m = BANK_THEN_NUMBER.matcher(t);
    while (m.find()) {
      String digits = m.group(2).replaceAll("\\D", "");
      if (digits.length() >= 6 && digits.length() <= 19) {
        out.add(new Contact("bank_account", bankName(m.group(1)) + " " + digits));
        accountDigits.add(digits);
      }
    }
    Matcher a = ACCOUNT_THEN_NUMBER.matcher(t);
    while (a.find()) {
      String digits = a.group(2).replaceAll("\\D", "");
      if (digits.length() < 6 || digits.length() > 19 || accountDigits.contains(digits)) {
        continue;
      }
      String around = t.substring(Math.max(0, a.start() - 30), Math.min(t.length(), a.end() + 30));
      Matcher bank = BANK_NAME.matcher(around);
      out.add(
          new Contact(
              "bank_account", bank.find() ? bankName(bank.group(1)) + " " + digits : digits));
      accountDigits.add(digits);
    }
  }

  private static String bankName(String raw) {
    String b = raw.toLowerCase(Locale.ROOT).replace(" ", "");
    return switch (b) {
      case "vcb", "vietcombank" -> "Vietcombank";
      case "tcb", "techcombank" -> "Techcombank";
      case "mb", "mbbank" -> "MBBank";
      case "vpbank" -> "VPBank";
      case "tpbank" -> "TPBank";
      case "viettinbank", "vietinbank" -> "VietinBank";
      case "momo" -> "MoMo";
      default ->
          raw.strip().toUpperCase(Locale.ROOT).equals(raw.strip())
              ? raw.strip()
              : Character.toUpperCase(raw.strip().charAt(0)) + raw.strip().substring(1);
    };
  }

  /** Runs of digits and digit words joined by separators, searched for phone numbers. */
  private static void phones(String t, Set<Contact> out, Set<String> accountDigits) {
    Matcher tok = TOKEN.matcher(t);
    StringBuilder digits = new StringBuilder();
    int runStart = -1;
    int lastEnd = -1;
    int digitTokens = 0;
    int wordTokens = 0;
    while (tok.find()) {
      String word = tok.group();
      String d = toDigits(word);
      boolean joined =
          lastEnd >= 0 && SEPARATOR.matcher(t.substring(lastEnd, tok.start())).matches();
      if (d == null || (!joined && digits.length() > 0)) {
        flush(t, digits, runStart, digitTokens, wordTokens, out, accountDigits);
        digits.setLength(0);
        digitTokens = 0;
        wordTokens = 0;
        runStart = -1;
      }
      if (d != null) {
        if (runStart < 0) {
          runStart = tok.start();
        }
        digits.append(d);
        if (Character.isDigit(word.charAt(word.length() - 1))) {
          digitTokens++;
        } else {
          wordTokens++;
        }
        lastEnd = tok.end();
      } else {
        lastEnd = -1;
      }
    }
    flush(t, digits, runStart, digitTokens, wordTokens, out, accountDigits);
  }

  private static void flush(
      String t,
      StringBuilder digits,
      int runStart,
      int digitTokens,
      int wordTokens,
      Set<Contact> out,
      Set<String> accountDigits) {
    if (digits.length() < 8 || runStart < 0) {
      return;
    }
    // A run of only spelled words needs to be long: "ba nam" is not a phone number.
    if (digitTokens == 0 && wordTokens < 9) {
      return;
    }
    String all = digits.toString();
    for (String account : accountDigits) {
      if (all.contains(account)) {
        return;
      }
    }
    Matcher m = PHONE_IN_DIGITS.matcher(all);
    while (m.find()) {
      String phone = m.group(1) != null ? "0" + m.group(1) : m.group(2);
      String before = t.substring(Math.max(0, runStart - 20), runStart);
      if (NOT_A_PHONE.matcher(t.substring(Math.max(0, runStart - 40), runStart)).find()) {
        return;
      }
      // A Zalo number is a phone number too: both are listed, so either kind of lookup finds it.
      if (ZALO.matcher(before).find()) {
        out.add(new Contact("zalo", phone));
      }
      out.add(new Contact("phone", phone));
    }
  }

  private static String toDigits(String word) {
    if (word.startsWith("+")) {
      return "+84";
    }
    if (Character.isDigit(word.charAt(0))) {
      return word;
    }
    Character digit = DigitWords.digit(word);
    return digit == null ? null : String.valueOf(digit);
  }
}
