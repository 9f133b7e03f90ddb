package org.markwatch.detectors.rules;

import java.util.List;

/**
 * Phrases ({@code any}) looked for in fields ({@code in}; default title and text).
 *
 * @param notAfter context phrases that cancel one occurrence of a term when they stand at most
 *     {@code notAfterWords} words before it in the same clause: a term inside a guarantee, a
 *     negation or a condition ("hoàn tiền nếu phát hiện hàng giả", "cam kết không fake") is not the
 *     seller's statement; optional
 * @param notAfterWords the window in words before the term (default 4), counted back from the
 *     term's first word and never crossing a sentence or clause end (. , ! ? ; | newline)
 */
public record TermsSpec(
    List<String> in, List<String> any, List<String> notAfter, Integer notAfterWords) {}
