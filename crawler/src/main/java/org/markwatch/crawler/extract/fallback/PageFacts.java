package org.markwatch.crawler.extract.fallback;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.html.StruckClasses;

/**
 * What the page-level readers (cards, main price, brand, stock) all need from a page, found once
 * per page: each of them walks the whole document, and a page that is neither clearly a list nor
 * clearly a product goes through both the card finder and the product page's readers.
 *
 * @param heading the page's own heading ({@link PageHints#mainHeading}), or null
 * @param styles the classes the page's own style sheets strike through
 * @param country the page's country (ISO 3166, nullable), which disambiguates "$"
 */
public record PageFacts(Element heading, StruckClasses styles, String country) {
  /** The facts of {@code doc}, whose country the caller knows ({@code null} when not). */
  public static PageFacts of(Document doc, String country) {
    return new PageFacts(PageHints.mainHeading(doc), StruckClasses.of(doc), country);
  }
}
