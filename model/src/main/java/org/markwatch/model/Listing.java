package org.markwatch.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One observation of a listing ({@code markwatch.listing/1}): a marketplace product page or a
 * social-commerce post as the crawler saw it at one time. Unknown fields of the JSON are kept in
 * {@link #extra()} and written back, so a record passes through unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "schema",
  "id",
  "platform",
  "kind",
  "url",
  "canonicalUrl",
  "observedAt",
  "crawlRunId",
  "title",
  "text",
  "language",
  "price",
  "listPrice",
  "category",
  "brandClaimed",
  "attributes",
  "images",
  "seller",
  "metrics",
  "contacts",
  "evidence"
})
public record Listing(
    String schema,
    String id,
    String platform,
    String kind,
    String url,
    String canonicalUrl,
    String observedAt,
    String crawlRunId,
    String title,
    String text,
    String language,
    Money price,
    Money listPrice,
    List<String> category,
    String brandClaimed,
    Map<String, String> attributes,
    List<Image> images,
    Seller seller,
    Metrics metrics,
    List<Contact> contacts,
    Evidence evidence,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra) {

  public static final String SCHEMA = "markwatch.listing/1";

  public Listing {
    extra = extra == null ? new LinkedHashMap<>() : extra;
  }

  /** Starts a listing with the required fields; everything else is set on the builder. */
  public static Builder builder(String id, String platform, String url, String observedAt) {
    return new Builder(id, platform, url, observedAt);
  }

  /** A builder seeded with this listing's values. */
  public Builder toBuilder() {
    Builder b = new Builder(id, platform, url, observedAt);
    b.kind = kind;
    b.canonicalUrl = canonicalUrl;
    b.crawlRunId = crawlRunId;
    b.title = title;
    b.text = text;
    b.language = language;
    b.price = price;
    b.listPrice = listPrice;
    b.category = category;
    b.brandClaimed = brandClaimed;
    b.attributes = attributes;
    b.images = images;
    b.seller = seller;
    b.metrics = metrics;
    b.contacts = contacts;
    b.evidence = evidence;
    b.extra = new LinkedHashMap<>(extra);
    return b;
  }

  /** Mutable builder: listings are assembled field by field by extractors. */
  public static final class Builder {
    private final String id;
    private final String platform;
    private final String url;
    private final String observedAt;
    private String kind = "product";
    private String canonicalUrl;
    private String crawlRunId;
    private String title;
    private String text;
    private String language;
    private Money price;
    private Money listPrice;
    private List<String> category;
    private String brandClaimed;
    private Map<String, String> attributes;
    private List<Image> images;
    private Seller seller;
    private Metrics metrics;
    private List<Contact> contacts;
    private Evidence evidence;
    private Map<String, Object> extra = new LinkedHashMap<>();

    private Builder(String id, String platform, String url, String observedAt) {
      this.id = id;
      this.platform = platform;
      this.url = url;
      this.observedAt = observedAt;
    }

    public Builder kind(String v) {
      kind = v;
      return this;
    }

    public Builder canonicalUrl(String v) {
      canonicalUrl = v;
      return this;
    }

    public Builder crawlRunId(String v) {
      crawlRunId = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder text(String v) {
      text = v;
      return this;
    }

    public Builder language(String v) {
      language = v;
      return this;
    }

    public Builder price(Money v) {
      price = v;
      return this;
    }

    public Builder listPrice(Money v) {
      listPrice = v;
      return this;
    }

    public Builder category(List<String> v) {
      category = v;
      return this;
    }

    public Builder brandClaimed(String v) {
      brandClaimed = v;
      return this;
    }

    public Builder attributes(Map<String, String> v) {
      attributes = v;
      return this;
    }

    public Builder images(List<Image> v) {
      images = v;
      return this;
    }

    public Builder seller(Seller v) {
      seller = v;
      return this;
    }

    public Builder metrics(Metrics v) {
      metrics = v;
      return this;
    }

    public Builder contacts(List<Contact> v) {
      contacts = v;
      return this;
    }

    public Builder evidence(Evidence v) {
      evidence = v;
      return this;
    }

    public Builder extra(String key, Object value) {
      extra.put(key, value);
      return this;
    }

    public Listing build() {
      return new Listing(
          SCHEMA,
          id,
          platform,
          kind,
          url,
          canonicalUrl,
          observedAt,
          crawlRunId,
          title,
          text,
          language,
          price,
          listPrice,
          category,
          brandClaimed,
          attributes,
          images,
          seller,
          metrics,
          contacts,
          evidence,
          extra);
    }
  }
}
