package org.markwatch.detectors.rules;

import java.util.List;

/** Phrases ({@code any}) looked for in fields ({@code in}; default title and text). */
public record TermsSpec(List<String> in, List<String> any) {}
