package org.markwatch.detectors.rules;

import java.util.List;

/**
 * Regular expressions ({@code any}, Java syntax) over the lower-cased text of fields ({@code in}).
 */
public record PatternSpec(List<String> in, List<String> any) {}
