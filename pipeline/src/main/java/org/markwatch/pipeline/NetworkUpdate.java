package org.markwatch.pipeline;

/**
 * A link and what it changed in the seller networks: the network both sellers are in now and the
 * sellers that joined it (one per line; empty when the link was inside one network already).
 */
public record NetworkUpdate(
    String sellerA,
    String sellerB,
    String contactKey,
    long observedMillis,
    String networkId,
    String moved) {}
