package org.markwatch.storage.origin;

import java.util.Set;

/**
 * The brands someone may register origin data for: every brand (operators, admins, the command
 * line) or a brand owner's own ({@code user_brands}, V72).
 *
 * @param brands the brand ids, or null for every brand
 */
public record BrandScope(Set<String> brands) {
  public static final BrandScope ALL = new BrandScope(null);

  public BrandScope {
    brands = brands == null ? null : Set.copyOf(brands);
  }

  public static BrandScope of(Set<String> brands) {
    return new BrandScope(brands);
  }

  public boolean all() {
    return brands == null;
  }

  public boolean allows(String brandId) {
    return brands == null || brands.contains(brandId);
  }
}
