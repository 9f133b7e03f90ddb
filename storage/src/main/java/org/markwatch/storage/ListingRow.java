package org.markwatch.storage;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Evidence;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;

/**
 * The column values of one scored listing, checked against the column sizes of the schema so a
 * record that does not fit is refused with the field named instead of a driver error.
 */
record ListingRow(
    String id,
    String platform,
    String kind,
    String url,
    String title,
    BigDecimal priceAmount,
    String priceCurrency,
    String sellerId,
    OffsetDateTime observedAt,
    String crawlRunId,
    String htmlSha256,
    String screenshotSha256,
    String listingJson,
    SellerRow seller,
    VerdictRow verdict,
    String observationId,
    String availability,
    List<ContactRow> contacts,
    Evidence.WarcRef pageWarc,
    Evidence.WarcRef screenshotWarc) {

  /**
   * A contact point of the listing's seller (table seller_contacts, migration V21): {@code
   * matchKind} + {@code valueKey} is what two sellers share (see {@link #contactsOf}).
   */
  record ContactRow(String kind, String matchKind, String valueKey, String value, boolean own) {}

  record SellerRow(
      String id,
      String platform,
      String name,
      String url,
      String province,
      String address,
      String phones,
      String taxCode,
      String businessRegistration,
      Boolean verified,
      String emails) {}

  record VerdictRow(
      String rulesetVersion,
      double score,
      boolean flagged,
      String topViolation,
      List<String> violations,
      String violationsText,
      String brands,
      String scoredJson,
      boolean supersedes) {}

  private static final BigDecimal MAX_PRICE = new BigDecimal("1e18");

  static ListingRow of(ScoredListing record) {
    Listing l = record.listing();
    Scored s = record.scored();
    OffsetDateTime observed = parseTime(l.observedAt());
    BigDecimal amount = l.price() == null ? null : l.price().amount();
    if (amount != null && amount.abs().compareTo(MAX_PRICE) >= 0) {
      throw new InvalidRecordException(
          "price.amount: out of range (" + amount.toPlainString() + ")");
    }
    String currency = l.price() == null ? null : l.price().currency();
    String htmlSha = l.evidence() == null ? null : l.evidence().htmlSha256();
    String shotSha = l.evidence() == null ? null : l.evidence().screenshotSha256();
    SellerRow seller = sellerRow(l.platform(), l.seller());
    List<String> violations = List.copyOf(new LinkedHashSet<>(s.violations()));
    Set<String> brands = new LinkedHashSet<>();
    for (BrandHit hit : s.brands()) {
      if (hit.brand() != null) {
        brands.add(hit.brand());
      }
    }
    for (String v : violations) {
      fit("violations[]", v, 32);
    }
    VerdictRow verdict =
        new VerdictRow(
            fit("rulesetVersion", required("rulesetVersion", s.rulesetVersion()), 128),
            s.score(),
            s.flagged(),
            violations.isEmpty() ? null : violations.get(0),
            violations,
            fit("violations", String.join(",", violations), 400),
            fit("brands", String.join(",", brands), 2000),
            JsonCodec.encode(s),
            record.supersedes());
    String listingJson = JsonCodec.encode(l);
    return new ListingRow(
        fit("id", l.id(), 512),
        fit("platform", l.platform(), 64),
        fit("kind", l.kind() == null ? "product" : l.kind(), 16),
        fit("url", l.url(), 4096),
        fit("title", l.title(), 2000),
        amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP),
        fit("price.currency", currency, 3),
        seller == null ? null : seller.id(),
        observed,
        fit("crawlRunId", l.crawlRunId(), 64),
        fit("evidence.htmlSha256", htmlSha, 64),
        fit("evidence.screenshotSha256", shotSha, 64),
        listingJson,
        seller,
        verdict,
        Rows.sha256(identityJson(l, listingJson)),
        fit(
            "attributes.availability",
            l.attributes() == null ? null : l.attributes().get("availability"),
            64),
        seller == null ? List.of() : contactsOf(l),
        warcRef("evidence.warc", l.evidence() == null ? null : l.evidence().warc()),
        warcRef(
            "evidence.screenshotWarc",
            l.evidence() == null ? null : l.evidence().screenshotWarc()));
  }

  private static final int MAX_CONTACT_CHARS = 320;

  /**
   * The seller's phones, Zalo numbers and e-mails, and the phone, Zalo, bank account and e-mail
   * contacts of the listing, each with its matching key: phones and Zalo numbers share one key
   * space (the last 9 digits, {@link SearchFold#phoneKey}), bank accounts by their digits (at least
   * 6; the bank's name stays in the value), e-mails in lower case. Values too short to match or too
   * long to store are left out (they stay in listing_json).
   */
  static List<ContactRow> contactsOf(Listing l) {
    java.util.Map<String, ContactRow> out = new java.util.LinkedHashMap<>();
    Seller s = l.seller();
    if (s != null) {
      for (String p : s.phones() == null ? List.<String>of() : s.phones()) {
        contact(out, "phone", p, true);
      }
      for (String z : s.zalo() == null ? List.<String>of() : s.zalo()) {
        contact(out, "zalo", z, true);
      }
      for (String e : s.emails() == null ? List.<String>of() : s.emails()) {
        contact(out, "email", e, true);
      }
    }
    if (l.contacts() != null) {
      for (org.markwatch.model.Contact c : l.contacts()) {
        if (c != null && c.type() != null) {
          contact(out, c.type(), c.value(), false);
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static void contact(
      java.util.Map<String, ContactRow> out, String kind, String value, boolean own) {
    if (value == null || value.isBlank() || value.length() > MAX_CONTACT_CHARS) {
      return;
    }
    String match;
    String key;
    switch (kind) {
      case "phone", "zalo" -> {
        match = "phone";
        key = SearchFold.phoneKey(value);
      }
      case "bank_account" -> {
        match = "bank_account";
        String digits = value.replaceAll("[^0-9]", "");
        key = digits.length() < 6 ? "" : digits;
      }
      case "email" -> {
        match = "email";
        String e = value.strip().toLowerCase(java.util.Locale.ROOT);
        key = e.indexOf('@') > 0 ? e : "";
      }
      default -> {
        return; // urls, Telegram and others are not matched between sellers
      }
    }
    if (!key.isEmpty()) {
      out.putIfAbsent(kind + " " + key, new ContactRow(kind, match, key, value.strip(), own));
    }
  }

  /**
   * The record as its identity: without where its evidence lies in the WARC files (file, offset),
   * which a second crawl of an unchanged page writes elsewhere. Its hash is the observation's id
   * and the listing's content hash, so a re-crawl of the same content is the same observation and
   * changes no stored row.
   */
  static String identityJson(Listing l, String listingJson) {
    Evidence e = l.evidence();
    if (e == null || (e.warc() == null && e.screenshotWarc() == null && e.documents() == null)) {
      return listingJson;
    }
    return JsonCodec.encode(l.toBuilder().evidence(e.withoutWarcRefs()).build());
  }

  private static Evidence.WarcRef warcRef(String field, Evidence.WarcRef ref) {
    if (ref == null) {
      return null;
    }
    fit(field + ".file", ref.file(), 255);
    fit(field + ".digest", ref.digest(), 80);
    return ref;
  }

  private static SellerRow sellerRow(String platform, Seller s) {
    if (s == null || s.id() == null || s.id().isBlank()) {
      return null; // a seller without an id cannot be told apart from others; it stays in
      // listing_json
    }
    return new SellerRow(
        fit("seller.id", s.id(), 512),
        platform,
        fit("seller.name", s.name(), 1000),
        fit("seller.url", s.url(), 4096),
        fit("seller.province", s.province(), 200),
        fit("seller.address", s.address(), 2000),
        s.phones() == null ? null : fit("seller.phones", String.join(",", s.phones()), 2000),
        fit("seller.taxCode", s.taxCode(), 32),
        fit("seller.businessRegistration", s.businessRegistration(), 64),
        s.verified(),
        s.emails() == null ? null : fit("seller.emails", String.join(",", s.emails()), 2000));
  }

  /**
   * Parses an ISO-8601 date-time and normalises it to UTC so both databases hold the same value.
   */
  static OffsetDateTime parseTime(String text) {
    if (text == null) {
      throw new InvalidRecordException("observedAt: missing");
    }
    try {
      return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException(
          "observedAt: not an ISO-8601 date-time with offset: \"" + text + "\"");
    }
  }

  private static String required(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidRecordException(field + ": missing");
    }
    return value;
  }

  private static String fit(String field, String value, int maxChars) {
    if (value != null && value.length() > maxChars) {
      throw new InvalidRecordException(
          field + ": " + value.length() + " characters, the database keeps at most " + maxChars);
    }
    return value;
  }
}
