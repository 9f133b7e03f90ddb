package org.markwatch.detectors.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.markwatch.model.Contact;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Seller;

/**
 * A small listing written inside a rule file: either just a title, or a map of title, text, price
 * (VND), seller name, the seller's taxCode, businessRegistration and phones, brandClaimed,
 * category, attributes, contacts ({@code type: value}) and observedAt (when it was seen: a date
 * {@code 2026-03-01} or an RFC 3339 time; default {@value #DEFAULT_OBSERVED_AT}, the day rules with
 * dates such as {@code expiryDatePassed} compare with).
 */
public record ExampleListing(
    String title,
    String text,
    Long price,
    String seller,
    String brandClaimed,
    List<String> category,
    Map<String, String> contacts,
    String taxCode,
    String businessRegistration,
    List<String> phones,
    Map<String, String> attributes,
    String observedAt) {
  /** When an example listing was seen unless it says otherwise. */
  public static final String DEFAULT_OBSERVED_AT = "2026-01-01T00:00:00Z";

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ExampleListing ofTitle(String title) {
    return new ExampleListing(
        title, null, null, null, null, null, null, null, null, null, null, null);
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public static ExampleListing of(
      @com.fasterxml.jackson.annotation.JsonProperty("title") String title,
      @com.fasterxml.jackson.annotation.JsonProperty("text") String text,
      @com.fasterxml.jackson.annotation.JsonProperty("price") Long price,
      @com.fasterxml.jackson.annotation.JsonProperty("seller") String seller,
      @com.fasterxml.jackson.annotation.JsonProperty("brandClaimed") String brandClaimed,
      @com.fasterxml.jackson.annotation.JsonProperty("category") List<String> category,
      @com.fasterxml.jackson.annotation.JsonProperty("contacts") Map<String, String> contacts,
      @com.fasterxml.jackson.annotation.JsonProperty("taxCode") String taxCode,
      @com.fasterxml.jackson.annotation.JsonProperty("businessRegistration")
          String businessRegistration,
      @com.fasterxml.jackson.annotation.JsonProperty("phones") List<String> phones,
      @com.fasterxml.jackson.annotation.JsonProperty("attributes") Map<String, String> attributes,
      @com.fasterxml.jackson.annotation.JsonProperty("observedAt") String observedAt) {
    return new ExampleListing(
        title,
        text,
        price,
        seller,
        brandClaimed,
        category,
        contacts,
        taxCode,
        businessRegistration,
        phones,
        attributes,
        observedAt);
  }

  /** The example as a listing with a synthetic id. */
  public Listing toListing(String id) {
    String seen =
        observedAt == null || observedAt.isBlank()
            ? DEFAULT_OBSERVED_AT
            : observedAt.length() == 10 ? observedAt + "T00:00:00Z" : observedAt;
    Listing.Builder b =
        Listing.builder(id, "example", "https://example.invalid/" + id, seen)
            .title(title)
            .text(text)
            .brandClaimed(brandClaimed)
            .category(category);
    if (price != null) {
      b.price(new Money(BigDecimal.valueOf(price), "VND"));
    }
    if (seller != null || taxCode != null || businessRegistration != null || phones != null) {
      b.seller(
          new Seller(
              "example:shop:" + id,
              seller,
              null,
              phones,
              null,
              null,
              null,
              businessRegistration,
              taxCode,
              null,
              null,
              null,
              null,
              null));
    }
    b.attributes(attributes);
    if (contacts != null) {
      b.contacts(
          contacts.entrySet().stream().map(e -> new Contact(e.getKey(), e.getValue())).toList());
    }
    return b.build();
  }
}
