package org.markwatch.crawler.extract;

import java.net.URI;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.schemaorg.MetaTagReader;
import org.markwatch.crawler.extract.text.Currencies;

/** What a page says about where it is: language, country, default currency, the site's own name. */
final class PageLocale {
  private PageLocale() {}

  /** The {@code lang} attribute of the html element as a language tag, or null. */
  static String language(Document doc) {
    Element html = doc.selectFirst(Css.of("html"));
    return html == null ? null : MetaTagReader.language(html.attr("lang"));
  }

  /** An absolute URL for {@code url} against the page, or null. */
  static String absolute(Document doc, String url) {
    if (url == null) {
      return null;
    }
    try {
      return URI.create(doc.location()).resolve(url.strip().replace(" ", "%20")).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether {@code name} is the site's own name (og:site_name, or the title's " | Site" part). */
  static boolean isSiteName(String name, Document doc) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    String site = MetaTagReader.meta(doc, "og:site_name");
    if (site != null && site.strip().toLowerCase(Locale.ROOT).contains(n)) {
      return true;
    }
    String title = doc.title().toLowerCase(Locale.ROOT);
    int sep =
        Math.max(
            Math.max(title.lastIndexOf(" | "), title.lastIndexOf(" - ")), title.lastIndexOf(" – "));
    if (sep >= 0 && title.substring(sep).contains(n)) {
      return true;
    }
    // Blog engines put the blog's name first: "Gốm Nhà Xù: Bình gốm men rạn…".
    int colon = title.indexOf(": ");
    return colon > 0 && title.substring(0, colon).strip().equals(n);
  }

  /** The country of the page (ISO 3166), from its language tag or domain; null when unknown. */
  static String country(Page page, Document doc) {
    Locale tag = langTag(doc);
    if (!tag.getCountry().isEmpty()) {
      return tag.getCountry();
    }
    try {
      String host = URI.create(page.url()).getHost();
      if (host != null) {
        String tld = host.substring(host.lastIndexOf('.') + 1);
        if (tld.length() == 2) {
          return tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
        }
      }
    } catch (IllegalArgumentException e) {
      // No country from a URL that is no URI.
    }
    return LANGUAGE_COUNTRY.get(tag.getLanguage());
  }

  /**
   * The html element's {@code lang} as a locale: "zh-Hant-TW" has its region after a script, and
   * "vi_VN" is written with an underscore by some engines.
   */
  private static Locale langTag(Document doc) {
    Element html = doc.selectFirst(Css.of("html"));
    String lang = html == null ? "" : html.attr("lang").strip().replace('_', '-');
    Locale tag = Locale.forLanguageTag(lang);
    // A numeric region ("es-419", Latin America) names no one country.
    return tag.getCountry().length() == 2 ? tag : Locale.of(tag.getLanguage());
  }

  /**
   * Languages spoken as a national language in one country almost only: a page in Swedish that
   * writes "kr" means Swedish kronor even on a ".com" domain. English, Spanish, French, German,
   * Portuguese, Arabic and the like are spoken in many countries and give none.
   */
  private static final java.util.Map<String, String> LANGUAGE_COUNTRY =
      java.util.Map.ofEntries(
          java.util.Map.entry("vi", "VN"),
          java.util.Map.entry("sv", "SE"),
          java.util.Map.entry("nb", "NO"),
          java.util.Map.entry("nn", "NO"),
          java.util.Map.entry("no", "NO"),
          java.util.Map.entry("da", "DK"),
          java.util.Map.entry("is", "IS"),
          java.util.Map.entry("fi", "FI"),
          java.util.Map.entry("pl", "PL"),
          java.util.Map.entry("cs", "CZ"),
          java.util.Map.entry("sk", "SK"),
          java.util.Map.entry("hu", "HU"),
          java.util.Map.entry("ro", "RO"),
          java.util.Map.entry("bg", "BG"),
          java.util.Map.entry("uk", "UA"),
          java.util.Map.entry("ja", "JP"),
          java.util.Map.entry("ko", "KR"),
          java.util.Map.entry("th", "TH"),
          java.util.Map.entry("id", "ID"),
          java.util.Map.entry("tr", "TR"),
          java.util.Map.entry("he", "IL"),
          java.util.Map.entry("el", "GR"),
          java.util.Map.entry("kk", "KZ"));

  /** The currency to assume when a price shows none: from the page language, then the domain. */
  static String defaultCurrency(Page page, Document doc) {
    Locale tag = langTag(doc);
    if (tag.getLanguage().equals("vi")) {
      return "VND";
    }
    if (!tag.getCountry().isEmpty()) {
      String c = Currencies.localCurrency(tag.getCountry());
      if (c != null) {
        return c;
      }
    }
    try {
      String host = URI.create(page.url()).getHost();
      if (host != null) {
        int dot = host.lastIndexOf('.');
        String tld = host.substring(dot + 1);
        if (tld.length() == 2
            && !tld.equals("io")
            && !tld.equals("co")
            && !tld.equals("me")
            && !tld.equals("tv")) {
          return Currencies.localCurrency(tld.equals("uk") ? "GB" : tld);
        }
      }
    } catch (IllegalArgumentException e) {
      // A URL that is no URI gives no hint.
    }
    // After the domain, as country() does: a page in Swedish on a ".fi" shop prices in euros.
    String byLanguage = LANGUAGE_COUNTRY.get(tag.getLanguage());
    if (byLanguage != null) {
      return Currencies.localCurrency(byLanguage);
    }
    return page.platform() != null && !page.platform().equals("web") ? "VND" : null;
  }
}
