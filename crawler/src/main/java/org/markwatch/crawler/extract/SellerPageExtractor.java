package org.markwatch.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.schemaorg.JsonLdReader;
import org.markwatch.crawler.extract.schemaorg.MicrodataReader;
import org.markwatch.crawler.extract.schemaorg.Nodes;
import org.markwatch.crawler.extract.schemaorg.ProductMapper;
import org.markwatch.crawler.extract.text.BusinessInfoFinder;
import org.markwatch.crawler.extract.text.ContactFinder;
import org.markwatch.crawler.extract.text.ShopStatsFinder;
import org.markwatch.model.Contact;
import org.markwatch.model.Listing;
import org.markwatch.model.Seller;
import tools.jackson.databind.JsonNode;

/** A seller (shop) page: who sells, with the business information Decree 52 asks for. */
final class SellerPageExtractor {
  private SellerPageExtractor() {}

  /**
   * Whether the page is a seller's own page: its URL is a seller URL of the site profile, or its
   * schema.org Organization, Store or LocalBusiness names this page as its URL (a site's own
   * Organization, on every page, names the home page instead).
   */
  static boolean isSellerPage(Document doc, Page page, List<JsonNode> jsonLd) {
    SiteProfile profile = page.profile();
    if (profile != null && ProfileExtractor.idFromUrl(profile.sellerId(), page.url()) != null) {
      return true;
    }
    List<JsonNode> items = new ArrayList<>(jsonLd);
    items.addAll(MicrodataReader.read(doc));
    for (JsonNode n : items) {
      JsonNode org = findOrganization(n, 0);
      String url = org == null ? null : Nodes.textOf(org, "url");
      if (url != null && ProductMapper.samePage(PageLocale.absolute(doc, url), page.url())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The seller the page describes; business data that failed its check is left out and named in
   * {@code problems} ("URL: seller data dropped: taxCode 0102641428: checksum").
   */
  static Optional<Seller> extract(Document doc, Page page, List<String> problems) {
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
    ShopStatsFinder.find(text, page.observedAt(), d.seller);
    for (Contact c : ContactFinder.find(text)) {
      switch (c.type()) {
        case "phone" -> d.seller.phones.add(c.value());
        case "email" -> d.seller.emails.add(c.value());
        case "zalo" -> d.seller.zalo.add(c.value());
        default -> {}
      }
    }
    if (doc.body() != null && hasOfficialBadge(doc.body())) {
      d.seller.verified.offer(true, Layers.FALLBACK);
    }
    d.seller.url.offer(page.url(), Layers.URL);
    d.seller.name.offer(
        doc.selectFirst(Css.of("h1")) == null ? null : doc.selectFirst(Css.of("h1")).text(),
        Layers.FALLBACK);
    String platform =
        page.platform() != null
            ? page.platform()
            : page.profile() != null ? page.profile().platform() : "web";
    // The assembler builds sellers as part of a listing; this one has nothing else to say.
    d.title.offer("seller", Layers.FALLBACK);
    Listing l = ListingAssembler.assemble(d, page, platform, page.profile(), null);
    String dropped = l.attributes() == null ? null : l.attributes().get(Extraction.SELLER_DROPPED);
    if (dropped != null) {
      problems.add(page.url() + ": seller data dropped: " + dropped);
    }
    return Optional.ofNullable(l.seller());
  }

  private static final java.util.regex.Pattern BADGE_CLASS =
      java.util.regex.Pattern.compile(
          "(?:^|[\\s_-])(?:verified|official|mall|badge-?mall|preferred|authentic)(?:$|[\\s_-])");
  private static final java.util.regex.Pattern BADGE_TEXT =
      java.util.regex.Pattern.compile(
          "(?iu)(?:chính hãng|mall|official(?: store)?|verified|đã xác (?:thực|minh)|shop yêu thích|preferred(?: seller)?"
              + "|cửa hàng chính hãng)");

  /** A badge of a verified or official shop: a short element named or labelled so. */
  static boolean hasOfficialBadge(org.jsoup.nodes.Element body) {
    int n = 0;
    for (org.jsoup.nodes.Element e : body.select(Css.of("[class], img[alt], [title]"))) {
      if (++n > 20_000) {
        return false;
      }
      String cls = (e.className() + " " + e.id()).toLowerCase(java.util.Locale.ROOT);
      String label = e.normalName().equals("img") ? e.attr("alt") : e.ownText();
      if (label.length() > 30) {
        continue;
      }
      if (BADGE_CLASS.matcher(cls).find() && label.length() <= 30
          || BADGE_TEXT.matcher(label.strip()).matches()
          || BADGE_TEXT.matcher(e.attr("title").strip()).matches()) {
        return true;
      }
    }
    return false;
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
    if (t.contains("Organization")
        || t.contains("Store")
        || t.contains("LocalBusiness")
        || t.contains("Person")) {
      return n;
    }
    JsonNode graph = n.get("@graph");
    return graph == null ? null : findOrganization(graph, depth + 1);
  }
}
