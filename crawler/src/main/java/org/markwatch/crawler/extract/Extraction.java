package org.markwatch.crawler.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.fallback.LabelledValues;
import org.markwatch.crawler.extract.fallback.MainPriceFinder;
import org.markwatch.crawler.extract.fallback.PageHints;
import org.markwatch.crawler.extract.fallback.UrlIdGuesser;
import org.markwatch.crawler.extract.html.HtmlDecoder;
import org.markwatch.crawler.extract.profile.ProfileExtractor;
import org.markwatch.crawler.extract.schemaorg.JsonLdReader;
import org.markwatch.crawler.extract.schemaorg.MetaTagReader;
import org.markwatch.crawler.extract.schemaorg.MicrodataReader;
import org.markwatch.crawler.extract.schemaorg.Nodes;
import org.markwatch.crawler.extract.schemaorg.ProductMapper;
import org.markwatch.crawler.extract.state.AppStateMapper;
import org.markwatch.crawler.extract.state.AppStateReader;
import org.markwatch.crawler.extract.text.BusinessInfoFinder;
import org.markwatch.crawler.extract.text.ContactFinder;
import org.markwatch.crawler.extract.text.Currencies;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.crawler.extract.text.TextPriceFinder;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Seller;
import tools.jackson.databind.JsonNode;

/**
 * The one entry point of extraction: a page in, {@code markwatch.listing/1} records out (none when
 * the page holds no listing, several for a feed or a list page).
 *
 * <p>Layers, in order of trust (the first to find a field keeps it; attribute
 * {@code extractedBy.<field>} names the layer, see {@link Layers}): schema.org JSON-LD, microdata,
 * OpenGraph/meta tags, embedded application state, the site profile's selectors, the generic
 * fallback, patterns over the text. Pages are bounded: bodies beyond {@value #MAX_BODY_BYTES} bytes
 * are cut before parsing. Thread-safe; no state.
 */
public final class Extraction {
  /** Bytes of a body that are parsed; the rest is cut (a partial result, with a problem noted). */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private static final String STRUCK = "del, s, strike, [class*=old-price], [class*=list-price], [class*=was-price], "
      + "[class*=original-price], [class*=regular-price]";

  private Extraction() {}

  /** The listings of a page; never throws on hostile content (problems are dropped, see {@link #run}). */
  public static List<Listing> extract(Page page) {
    return run(page).listings();
  }

  /** The listings of a page and the problems met. Throws only on a null page or a page without URL. */
  public static ExtractionResult run(Page page) {
    if (page == null || page.url() == null) {
      throw new IllegalArgumentException("page and page.url are required");
    }
    List<String> problems = new ArrayList<>();
    Parsed parsed = parse(page, problems);
    if (parsed == null) {
      return new ExtractionResult(List.of(), problems);
    }
    Document doc = parsed.doc();
    SiteProfile profile = page.profile();
    String platform = page.platform() != null ? page.platform() : profile != null ? profile.platform() : "web";
    String defaultCurrency = defaultCurrency(page, doc);
    List<Listing> out = new ArrayList<>();
    if (profile != null && profile.item() != null) {
      for (Element item : ProfileExtractor.items(doc, profile)) {
        Draft d = new Draft();
        ProfileExtractor.apply(item, profile, d);
        fromText(d, profile, d.text.isSet() ? d.text.get() : item.text(), item.text());
        d.language.offer(MetaTagReader.language(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang")), Layers.META);
        d.language.offer(PageHints.language(d.text.get()), Layers.TEXT);
        if (d.hasContent()) {
          out.add(ListingAssembler.assemble(d, page, platform, profile, defaultCurrency));
        }
      }
      return new ExtractionResult(out, problems);
    }
    List<JsonNode> jsonLd = JsonLdReader.read(doc);
    List<JsonNode> listed = ProductMapper.listedProducts(jsonLd);
    if (!listed.isEmpty()) {
      // A list page: one listing per product of its ItemList.
      for (JsonNode product : listed) {
        Draft item = new Draft();
        String itemUrl = absolute(doc, Nodes.textOf(product, "url"));
        item.url.offer(itemUrl, Layers.JSONLD);
        ProductMapper.map(List.of(product), itemUrl, item, Layers.JSONLD);
        item.language.offer(MetaTagReader.language(doc.selectFirst("html") == null ? null
            : doc.selectFirst("html").attr("lang")), Layers.META);
        if (item.hasContent()) {
          out.add(ListingAssembler.assemble(item, page, platform, profile, defaultCurrency));
        }
      }
      return new ExtractionResult(out, problems);
    }
    Draft d = new Draft();
    ProductMapper.map(jsonLd, page.url(), d, Layers.JSONLD);
    ProductMapper.map(MicrodataReader.read(doc), page.url(), d, Layers.MICRODATA);
    MetaTagReader.read(doc, d);
    AppStateMapper.Found state = AppStateMapper.map(AppStateReader.read(doc), page.url(), d);
    if (Layers.APPSTATE.equals(d.brand.layer()) && isSiteName(d.brand.get(), doc)) {
      // State objects often name the shop in "brand"; the shop is the seller, not the brand.
      d.brand.clear();
    }
    if (profile != null) {
      ProfileExtractor.apply(doc, profile, d);
      fromText(d, profile, d.text.get(), d.text.get());
    }
    Element h1 = doc.selectFirst("h1");
    d.title.offer(h1 == null ? null : h1.text(), Layers.FALLBACK);
    d.title.offer(doc.title(), Layers.FALLBACK);
    if (d.hasContent() && doc.body() != null) {
      Map<LabelledValues.Kind, String> labelled = LabelledValues.find(doc.body());
      // The code printed for shoppers ("Product code: 141677") is the shop's reference; markup
      // often carries an internal id in sku instead.
      d.sku.force(labelled.get(LabelledValues.Kind.SKU), Layers.FALLBACK);
      d.brand.force(labelled.get(LabelledValues.Kind.BRAND), Layers.FALLBACK);
      d.gtin.offer(labelled.get(LabelledValues.Kind.GTIN), Layers.FALLBACK);
      d.mpn.offer(labelled.get(LabelledValues.Kind.MPN), Layers.FALLBACK);
    }
    if (!d.sku.isSet() && d.hasContent()) {
      d.sku.offer(UrlIdGuesser.guess(page.url(), parsed.html()), Layers.URL);
    }
    if (!d.price.isSet() && d.hasContent()) {
      MainPriceFinder.Result found = MainPriceFinder.find(doc, d.title.get(), country(page, doc));
      ParsedPrice main = found.price();
      if (main.hasAmount()) {
        d.price.offer(new Money(main.amount(), main.currencyIso()), Layers.FALLBACK);
        d.currency.offer(main.currencyIso(), Layers.FALLBACK);
        if (found.listPrice() != null) {
          d.listPrice.offer(new Money(found.listPrice(), main.currencyIso()), Layers.FALLBACK);
        }
      }
    }
    // A price the page shows beats one in its state, which may be per bundle or before options.
    AppStateMapper.fillPrice(state, d);
    if (d.price.isSet() && !d.listPrice.isSet() && doc.selectFirst(STRUCK) != null) {
      // Markup rarely gives the price before discount; the page shows it struck through beside the price.
      MainPriceFinder.Result shown = MainPriceFinder.find(doc, d.title.get(), country(page, doc));
      if (shown.listPrice() != null && shown.price().hasAmount()
          && shown.price().amount().compareTo(d.price.get().amount()) == 0) {
        d.listPrice.offer(new Money(shown.listPrice(), d.price.get().currency()), Layers.FALLBACK);
      }
    }
    d.category.offer(PageHints.breadcrumbs(doc), Layers.FALLBACK);
    d.language.offer(PageHints.language(d.title.get() + " " + (d.text.isSet() ? d.text.get() : "")), Layers.TEXT);
    if (d.hasContent()) {
      out.add(ListingAssembler.assemble(d, page, platform, profile, defaultCurrency));
    }
    return new ExtractionResult(out, problems);
  }

  /**
   * The seller described by a seller (shop) page: schema.org Organization, Store, LocalBusiness or
   * Person data, completed with the Decree 52 business information written in the page text.
   */
  public static Optional<Seller> seller(Page page) {
    Parsed parsed = parse(page, new ArrayList<>());
    if (parsed == null) {
      return Optional.empty();
    }
    Document doc = parsed.doc();
    Draft d = new Draft();
    List<JsonNode> items = new ArrayList<>(JsonLdReader.read(doc));
    items.addAll(MicrodataReader.read(doc));
    for (JsonNode n : items) {
      JsonNode org = findOrganization(n, 0);
      if (org != null) {
        ProductMapper.seller(org, d.seller, Layers.JSONLD);
        break;
      }
    }
    String text = doc.body() == null ? "" : doc.body().text();
    BusinessInfoFinder.find(text, d.seller);
    ContactFinder.find(text).stream().filter(c -> c.type().equals("phone") || c.type().equals("zalo"))
        .forEach(c -> d.seller.phones.add(c.value()));
    ContactFinder.find(text).stream().filter(c -> c.type().equals("email")).forEach(c -> d.seller.emails.add(c.value()));
    d.seller.url.offer(page.url(), Layers.URL);
    d.seller.name.offer(doc.selectFirst("h1") == null ? null : doc.selectFirst("h1").text(), Layers.FALLBACK);
    String platform = page.platform() != null ? page.platform() : page.profile() != null ? page.profile().platform() : "web";
    d.title.offer("seller", Layers.FALLBACK);
    Listing l = ListingAssembler.assemble(d, page, platform, page.profile(), null);
    return Optional.ofNullable(l.seller());
  }

  private static JsonNode findOrganization(JsonNode n, int depth) {
    if (n == null || depth > 6) {
      return null;
    }
    if (n.isArray()) {
      for (JsonNode c : n) {
        JsonNode f = findOrganization(c, depth + 1);
        if (f != null) {
          return f;
        }
      }
      return null;
    }
    if (!n.isObject()) {
      return null;
    }
    JsonNode type = n.get("@type");
    String t = type == null ? "" : type.toString();
    if (t.contains("Organization") || t.contains("Store") || t.contains("LocalBusiness") || t.contains("Person")) {
      return n;
    }
    JsonNode graph = n.get("@graph");
    return graph == null ? null : findOrganization(graph, depth + 1);
  }

  /**
   * Price from the listing's own text and contacts from all of its text (an author name can
   * carry a phone number), where the profile asks for them. Counts such as "1,2k lượt thích"
   * are outside the listing text, so they are never read as a price.
   */
  private static void fromText(Draft d, SiteProfile profile, String text, String allText) {
    if (text != null && profile.priceFromText() && !d.price.isSet()) {
      ParsedPrice p = TextPriceFinder.find(text);
      if (p.hasAmount()) {
        d.price.offer(new Money(p.amount(), p.currencyIso()), Layers.TEXT);
      }
    }
    if (allText != null && profile.contactsFromText()) {
      d.contacts.addAll(ContactFinder.find(allText));
    }
  }

  /** A parsed page and the source text it was parsed from. */
  record Parsed(Document doc, String html) {}

  static Parsed parse(Page page, List<String> problems) {
    String html;
    if (page.renderedHtml() != null) {
      html = page.renderedHtml();
    } else {
      byte[] body = page.body() == null ? new byte[0] : page.body();
      if (looksBinary(body)) {
        problems.add(page.url() + ": body is not HTML (binary content), nothing extracted");
        return null;
      }
      if (body.length > MAX_BODY_BYTES) {
        problems.add(page.url() + ": body of " + body.length + " bytes cut to " + MAX_BODY_BYTES);
        body = java.util.Arrays.copyOf(body, MAX_BODY_BYTES);
      }
      html = HtmlDecoder.decode(body, page.headers()).text();
    }
    if (html.length() > MAX_BODY_BYTES) {
      problems.add(page.url() + ": document of " + html.length() + " characters cut to " + MAX_BODY_BYTES);
      html = html.substring(0, MAX_BODY_BYTES);
    }
    Parser parser = Parser.htmlParser();
    return new Parsed(Jsoup.parse(html, page.url(), parser), html);
  }

  /** NUL bytes or many control bytes in the first 4 KiB: an image, an archive, a PDF. */
  static boolean looksBinary(byte[] body) {
    int n = Math.min(body.length, 4096);
    if (n >= 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
      return true;
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xFF;
      if (b == 0) {
        // UTF-16 text has NULs too, but starts with a byte-order mark.
        boolean bom = n >= 2 && ((body[0] & 0xFF) == 0xFE || (body[0] & 0xFF) == 0xFF);
        if (!bom) {
          return true;
        }
      }
      if (b < 0x09 || (b > 0x0D && b < 0x20)) {
        control++;
      }
    }
    return n > 0 && control * 10 > n;
  }

  private static String absolute(Document doc, String url) {
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
    int sep = Math.max(Math.max(title.lastIndexOf(" | "), title.lastIndexOf(" - ")), title.lastIndexOf(" – "));
    return sep >= 0 && title.substring(sep).contains(n);
  }

  /** The country of the page (ISO 3166), from its language tag or domain; null when unknown. */
  static String country(Page page, Document doc) {
    Element html = doc.selectFirst("html");
    String lang = html == null ? "" : html.attr("lang").replace('_', '-');
    int dash = lang.indexOf('-');
    if (dash > 0 && lang.length() - dash - 1 == 2) {
      return lang.substring(dash + 1).toUpperCase(Locale.ROOT);
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
    return lang.toLowerCase(Locale.ROOT).startsWith("vi") ? "VN" : null;
  }

  /** The currency to assume when a price shows none: from the page language, then the domain. */
  static String defaultCurrency(Page page, Document doc) {
    Element html = doc.selectFirst("html");
    String lang = html == null ? "" : html.attr("lang").replace('_', '-');
    if (lang.toLowerCase(Locale.ROOT).startsWith("vi")) {
      return "VND";
    }
    int dash = lang.indexOf('-');
    if (dash > 0) {
      String c = Currencies.localCurrency(lang.substring(dash + 1));
      if (c != null) {
        return c;
      }
    }
    try {
      String host = URI.create(page.url()).getHost();
      if (host != null) {
        int dot = host.lastIndexOf('.');
        String tld = host.substring(dot + 1);
        if (tld.length() == 2 && !tld.equals("io") && !tld.equals("co") && !tld.equals("me") && !tld.equals("tv")) {
          return Currencies.localCurrency(tld.equals("uk") ? "GB" : tld);
        }
      }
    } catch (IllegalArgumentException e) {
      // A URL that is no URI gives no hint.
    }
    return page.platform() != null && !page.platform().equals("web") ? "VND" : null;
  }

}
