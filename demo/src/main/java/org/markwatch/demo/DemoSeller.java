package org.markwatch.demo;

/**
 * A shop on a marketplace or an author on the social feed.
 *
 * @param sellerId the expected seller id, {@code platform:shop:native-id} (authors: {@code
 *     platform:shop:native-id}, as every seller id)
 * @param path the seller page's path, e.g. {@code /shop/12}
 * @param official an official brand store ("Mall" badge, verified); {@code officialBrandId} names
 *     the brand, else null
 * @param business the Decree 52 business information the seller page shows; null when it shows
 *     none. {@link #compliant()} needs a business with every field
 */
public record DemoSeller(
    DemoPlatform platform,
    String nativeId,
    String sellerId,
    String name,
    String path,
    boolean official,
    String officialBrandId,
    BusinessInfo business,
    String phoneOnly,
    double rating,
    int followers,
    int joinedYear) {

  /**
   * Business information per Decree 52/2013 (amended by Decree 85/2021).
   *
   * @param taxCode a 10-digit (or 13-digit branch) mã số thuế with a valid check digit
   */
  public record BusinessInfo(
      String legalName,
      String taxCode,
      String registration,
      String address,
      String province,
      String phone,
      String email) {}

  /** True when the seller page shows the full business information Decree 52 asks for. */
  public boolean compliant() {
    return business != null;
  }
}
