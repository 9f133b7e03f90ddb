package org.markwatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A brand found in a listing: catalog id, the text as it stood, the field it stood in (title, text,
 * seller, brandClaimed) and how it matched (exact, alias, folded, misspelling, fuzzy, claimed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrandHit(String brand, String matched, String field, String kind) {}
