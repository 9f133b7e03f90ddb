package org.markwatch.crawler.extract;

import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.text.ContactFinder;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.crawler.extract.text.TextPriceFinder;
import org.markwatch.model.Money;

/** The text layer: a price and contacts read from a listing's free text, as its profile asks. */
final class TextLayer {
  private TextLayer() {}

  /**
   * Price from the listing's own text and contacts from all of its text (an author name can carry a
   * phone number), where the profile asks for them. Counts such as "1,2k lượt thích" are outside
   * the listing text, so they are never read as a price.
   */
  static void apply(Draft d, SiteProfile profile, String text, String allText) {
    if (text != null && profile.priceFromText() && !d.price.isSet()) {
      ParsedPrice p = TextPriceFinder.find(text);
      if (p.hasAmount()) {
        d.price.offer(new Money(p.amount(), p.currencyIso()), Layers.TEXT);
      }
    }
    if (allText != null && profile.contactsFromText()) {
      d.contacts.addAll(ContactFinder.find(allText));
    }
  }
}
