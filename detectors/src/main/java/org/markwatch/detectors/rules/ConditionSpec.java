package org.markwatch.detectors.rules;

import java.util.List;

/**
 * Conditions over a listing; in {@code when} all given ones must hold, in {@code unless} any one
 * cancels. Each field is optional.
 *
 * @param terms phrases looked for in fields (accents optional in the listing when the phrase has
 *     them)
 * @param patterns regular expressions over the lower-cased field text
 * @param brand a brand was found (optionally of given match kinds / categories)
 * @param priceBelowReference the price is below a share of the genuine reference price
 * @param brandReference a found brand is named as what a product fits ("ốp lưng cho iPhone")
 * @param officialStore the seller is on the official-store allow-list of a found brand
 * @param sellerMissing seller fields that are all absent (businessRegistration, taxCode, address,
 *     phones, name)
 * @param contacts off-platform contact types present (phone, zalo, ...) in the listing's contacts
 * @param hasPrice whether the listing has a price
 * @param anyOf at least one of these condition sets holds
 * @param priceBelowObserved the price is below a share of the observed market median
 * @param sellerInvalid seller identifiers that are present but fail their check (taxCode,
 *     businessRegistration, phones)
 * @param gtinInvalid a GTIN/EAN/barcode attribute is present but fails its check digit
 * @param expiryDatePassed an expiry date written in the listing is before its observation date
 */
public record ConditionSpec(
    TermsSpec terms,
    PatternSpec patterns,
    BrandSpec brand,
    PriceSpec priceBelowReference,
    BrandReferenceSpec brandReference,
    Boolean officialStore,
    List<String> sellerMissing,
    List<String> contacts,
    Boolean hasPrice,
    List<ConditionSpec> anyOf,
    ObservedPriceSpec priceBelowObserved,
    List<String> sellerInvalid,
    Boolean gtinInvalid,
    ExpirySpec expiryDatePassed) {}
