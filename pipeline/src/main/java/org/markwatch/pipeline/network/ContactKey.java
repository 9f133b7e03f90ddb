package org.markwatch.pipeline.network;

/**
 * A contact that can link sellers, normalised so that the same contact written two ways is one key.
 *
 * @param kind phone, zalo, bank_account, email or shop_url
 * @param value normalised value (see {@link ContactKeys})
 */
public record ContactKey(String kind, String value) {
  /** {@code kind:value}, the key the linking state is partitioned by. */
  public String key() {
    return kind + ":" + value;
  }
}
