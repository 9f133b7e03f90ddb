package org.markwatch.detectors.rules;

import java.util.List;

/** A found brand, optionally restricted to match kinds, fields and catalog categories. */
public record BrandSpec(List<String> kinds, List<String> in, List<String> categories) {}
