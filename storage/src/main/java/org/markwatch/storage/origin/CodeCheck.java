package org.markwatch.storage.origin;

/**
 * What a product code turned out to be.
 *
 * @param outcome {@code genuine} (registered by the brand owner), {@code unknown} (well formed, not
 *     registered), {@code invalid} (a GTIN whose check digit is wrong, or no code at all)
 * @param productName the registered product, when genuine
 */
public record CodeCheck(
    String code, String outcome, String productName, String brandId, String ownerName) {
  public static CodeCheck invalid(String code) {
    return new CodeCheck(code, "invalid", null, null, null);
  }

  public static CodeCheck unknown(String code) {
    return new CodeCheck(code, "unknown", null, null, null);
  }
}
