package org.markwatch.detectors.match;

import org.markwatch.detectors.catalog.Brand;

/**
 * A brand found in a listing: where ({@link Hit}) and how ({@code kind}: exact, alias, folded,
 * misspelling, fuzzy, claimed).
 */
public record BrandFinding(Brand brand, Hit hit, String kind) {
  /** True for the spellings that imitate a brand rather than name it. */
  public boolean obfuscated() {
    return kind.equals("misspelling") || kind.equals("fuzzy");
  }
}
