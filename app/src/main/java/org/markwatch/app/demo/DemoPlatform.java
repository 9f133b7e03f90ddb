package org.markwatch.app.demo;

/** The three demo platforms; {@link #id()} is the listing's {@code platform} field. */
public enum DemoPlatform {
  /** Shopee-like marketplace: JSON-LD on every product page. */
  CHOSI("demo.chosi", "Chợ Sỉ"),
  /** Tiki/Lazada-like marketplace: half JSON-LD, half microdata only. */
  MUABAN("demo.muaban", "Mua Bán Nhanh"),
  /** Facebook-group-like feed rendered by JavaScript with infinite scroll. */
  MANGXA("demo.mangxa", "Mạng Xã Chợ");

  private final String id;
  private final String displayName;

  DemoPlatform(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** The platform id, e.g. {@code demo.chosi}; also the key of {@link DemoSite#baseUrls()}. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** True for the two marketplaces (product pages, category pages, seller pages). */
  public boolean marketplace() {
    return this != MANGXA;
  }
}
