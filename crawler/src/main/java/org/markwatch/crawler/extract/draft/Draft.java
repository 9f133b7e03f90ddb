package org.markwatch.crawler.extract.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markwatch.model.Contact;
import org.markwatch.model.Money;

/**
 * A listing being assembled by the extraction layers. Each single-valued field remembers the layer
 * that filled it; {@link #provenance()} turns that into the {@code extractedBy.<field>} attributes.
 */
public final class Draft {
  public final Field<String> nativeId = new Field<>("id");
  public final Field<String> kind = new Field<>("kind");
  public final Field<String> url = new Field<>("url");
  public final Field<String> canonicalUrl = new Field<>("canonicalUrl");
  public final Field<String> title = new Field<>("title");
  public final Field<String> text = new Field<>("text");
  public final Field<String> language = new Field<>("language");
  public final Field<Money> price = new Field<>("price");
  public final Field<Money> listPrice = new Field<>("listPrice");
  public final Field<String> currency = new Field<>("currency");
  public final Field<String> brand = new Field<>("brand");
  public final Field<List<String>> category = new Field<>("category");
  public final Field<List<String>> images = new Field<>("images");
  public final Field<String> sku = new Field<>("sku");
  public final Field<String> gtin = new Field<>("gtin");
  public final Field<String> mpn = new Field<>("mpn");
  public final Field<String> availability = new Field<>("availability");
  public final Field<String> condition = new Field<>("condition");
  public final Field<String> publishedAt = new Field<>("publishedAt");
  public final Field<Long> likes = new Field<>("likes");
  public final Field<Long> comments = new Field<>("comments");
  public final Field<Long> shares = new Field<>("shares");
  public final Field<Long> sold = new Field<>("sold");
  public final Field<Long> reviews = new Field<>("reviews");
  public final SellerDraft seller = new SellerDraft();

  /**
   * The highest price of the offers when the price is the lowest of several (schema.org
   * AggregateOffer lowPrice, which counts used, open-box and other sellers' offers); else null.
   */
  public Money priceRangeHigh;

  /**
   * The amounts of every priced offer the markup gives for the product when it gives several (one
   * per variant, pack or seller); empty otherwise. The one a page shows as its price is the offer
   * it preselected.
   */
  public final Set<BigDecimal> markupOfferAmounts = new LinkedHashSet<>();

  /** Attributes shown on the page beyond the named fields (origin, colour, ...). */
  public final Map<String, String> extraAttributes = new LinkedHashMap<>();

  public final Set<Contact> contacts = new LinkedHashSet<>();

  /** Every single-valued field, for provenance. */
  public List<Field<?>> fields() {
    List<Field<?>> all =
        new ArrayList<>(
            List.of(
                nativeId,
                title,
                text,
                language,
                price,
                listPrice,
                brand,
                category,
                images,
                sku,
                gtin,
                mpn,
                availability,
                condition,
                publishedAt,
                likes,
                comments,
                shares,
                sold,
                reviews));
    all.addAll(seller.fields());
    return all;
  }

  /** {@code extractedBy.<field>} = layer for each filled field. */
  public Map<String, String> provenance() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Field<?> f : fields()) {
      if (f.isSet() && f.layer() != null) {
        out.put("extractedBy." + f.name(), f.layer());
      }
    }
    return out;
  }

  /**
   * Offers a price, its currency and the list price beside it (nullable) from one layer: the three
   * travel together, in the same currency.
   */
  public void offerPrice(
      java.math.BigDecimal amount, java.math.BigDecimal list, String currency, String layer) {
    price.offer(new Money(amount, currency), layer);
    this.currency.offer(currency, layer);
    if (list != null) {
      listPrice.offer(new Money(list, currency), layer);
    }
  }

  /** True when some layer found anything that makes this a listing (a title, a text or a price). */
  public boolean hasContent() {
    return title.isSet() || text.isSet() || price.isSet();
  }
}
