package org.markwatch.pipeline;

/** Two sellers found sharing a contact ({@code kind:value}); the link's first observation time. */
public record SellerLinkEvent(
    String sellerA, String sellerB, String contactKey, long observedMillis) {}
