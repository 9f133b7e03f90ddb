package org.markwatch.demo;

/** The three demo platforms; {@link #id()} is the listing's {@code platform} field. */
public enum DemoPlatform {
  /** Shopee-like marketplace: JSON-LD on every product page. */
  CHOSI("chosi", "Chợ Sỉ"),
  /** Tiki/Lazada-like marketplace: half JSON-LD, half microdata only. */
  MUABAN("muaban", "Mua Bán Nhanh"),
  /** Facebook-group-like feed rendered by JavaScript with infinite scroll. */
  MANGXA("mangxa", "Mạng Xã Chợ");

  private final String id;
  private final String displayName;

  DemoPlatform(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** The platform id, e.g. {@code chosi}: the listing's {@code platform} field and id prefix. */
  public String id() {
    return id;
  }

  /**
   * The key of this platform's base URL in {@link DemoSite#baseUrls()}, e.g. {@code demo.chosi}.
   */
  public String baseUrlKey() {
    return "demo." + id;
  }

  public String displayName() {
    return displayName;
  }

  /** True for the two marketplaces (product pages, category pages, seller pages). */
  public boolean marketplace() {
    return this != MANGXA;
  }
}
