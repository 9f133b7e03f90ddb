package org.markwatch.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.schemaorg.JsonLdReader;
import org.markwatch.crawler.extract.profile.ProfileExtractor;
import org.markwatch.crawler.extract.schemaorg.MicrodataReader;
import org.markwatch.crawler.extract.schemaorg.Nodes;
import org.markwatch.crawler.extract.schemaorg.ProductMapper;
import org.markwatch.crawler.extract.text.BusinessInfoFinder;
import org.markwatch.crawler.extract.text.ContactFinder;
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

  static Optional<Seller> extract(Document doc, Page page) {
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
    for (Contact c : ContactFinder.find(text)) {
      if (c.type().equals("phone")) {
        d.seller.phones.add(c.value());
      } else if (c.type().equals("email")) {
        d.seller.emails.add(c.value());
      }
    }
    d.seller.url.offer(page.url(), Layers.URL);
    d.seller.name.offer(doc.selectFirst("h1") == null ? null : doc.selectFirst("h1").text(), Layers.FALLBACK);
    String platform = page.platform() != null ? page.platform() : page.profile() != null ? page.profile().platform() : "web";
    // The assembler builds sellers as part of a listing; this one has nothing else to say.
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
}
