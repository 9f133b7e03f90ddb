package org.markwatch.demo;

/**
 * An off-platform contact written in a post, normalised.
 *
 * @param type {@code phone} or {@code zalo} (the listing schema's contact types)
 * @param value the digits only, e.g. {@code 0912345678}
 */
public record DemoContact(String type, String value) {}
