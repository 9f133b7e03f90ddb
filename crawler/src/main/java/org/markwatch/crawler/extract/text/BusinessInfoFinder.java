package org.markwatch.crawler.extract.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.draft.SellerDraft;

/**
 * The business information Decree 52/2013 (as amended by Decree 85/2021) asks a seller to show,
 * read from text: tax code (mã số thuế, MST), business registration (GPKD, ĐKKD), address, phone
 * and e-mail.
 */
public final class BusinessInfoFinder {
  private static final Pattern TAX =
      Pattern.compile(
          "(?iu)(?:mã số thuế|ma so thue|mst|mã số doanh nghiệp|mã số dn|tax\\s*(?:id|code))\\s*[:.]?\\s*(\\d{10}(?:-?\\d{3})?)(?!\\d)");
  private static final Pattern REGISTRATION =
      Pattern.compile(
          "(?iu)(?:giấy chứng nhận đăng ký (?:kinh doanh|doanh nghiệp)|gcn đkkd|gpkd|đkkd|giấy phép kinh doanh|"
              + "số đăng ký kinh doanh)\\s*(?:số)?\\s*[:.]?\\s*([0-9A-Z][0-9A-Z/.-]{5,30})");
  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?iu)(?:địa chỉ|dia chi|address)\\s*[:]\\s*([^\\n|]{8,200}?)(?=\\s*(?:\\n|\\||$|điện thoại|hotline|email|mst|mã số))");

  private BusinessInfoFinder() {}

  public static void find(String text, SellerDraft s) {
    if (text == null) {
      return;
    }
    String t = text.length() > 100_000 ? text.substring(0, 100_000) : text;
    Matcher tax = TAX.matcher(t);
    if (tax.find()) {
      s.taxCode.offer(tax.group(1), Layers.TEXT);
    }
    Matcher reg = REGISTRATION.matcher(t);
    if (reg.find()) {
      s.businessRegistration.offer(reg.group(1).replaceAll("[.]$", ""), Layers.TEXT);
    }
    Matcher addr = ADDRESS.matcher(t);
    if (addr.find()) {
      s.address.offer(addr.group(1).strip().replaceAll("[.,;]$", ""), Layers.TEXT);
    }
  }
}
