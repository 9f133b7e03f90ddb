package org.markwatch.storage.networks;

import java.time.Instant;

/**
 * Two sellers linked by a contact they both show.
 *
 * @param kind phone, zalo, bank_account, email or shop_url
 * @param value the contact, normalised (phone 0912345678, e-mail in lower case, shop URL without
 *     scheme and www)
 * @param firstSeen observation time of the listing that showed the link
 */
public record SellerLink(
    String sellerA, String sellerB, String kind, String value, Instant firstSeen) {}
