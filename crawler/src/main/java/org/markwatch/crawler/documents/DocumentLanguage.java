package org.markwatch.crawler.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * The language of a document's text by Tika's OpenNLP detector, as a two-letter BCP 47 tag. The
 * model (23 MB, in the jar) loads once per process, on the first document with text; it runs in the
 * crawler's process, on text already cut to the limit, never in a parser's child process.
 */
final class DocumentLanguage {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(DocumentLanguage.class);
  private static final int MIN_LANGUAGE_CHARS = 40;
  private static final Map<String, String> ISO3_TO_BCP47 = iso3ToTwoLetter();
  private static volatile LanguageDetector detector;

  private DocumentLanguage() {}

  /** The document with its language set when it has text. */
  static ParsedDocument tag(ParsedDocument d) {
    return d.text() == null
        ? d
        : new ParsedDocument(
            d.status(),
            d.contentType(),
            d.text(),
            of(d.text()),
            d.truncated(),
            d.embedded(),
            d.reason());
  }

  /** BCP 47 language of the text, or null when it is short or the detector is unsure. */
  static String of(String text) {
    if (text.codePoints().filter(Character::isLetter).count() < MIN_LANGUAGE_CHARS) {
      return null;
    }
    // OpenNLP spreads its probabilities over ~100 languages, so its own confidence is NONE even
    // for plain prose: the best guess is kept when it is clearly ahead of the second.
    List<LanguageResult> all = detector().detectAll(text);
    // (isUnknown() is true for every NONE result, so the code itself is looked at)
    if (all.isEmpty() || all.get(0).getLanguage() == null || all.get(0).getLanguage().isEmpty()) {
      return null;
    }
    LanguageResult r = all.get(0);
    if (all.size() > 1 && r.getRawScore() < 2f * all.get(1).getRawScore()) {
      LOG.debug("language of a document uncertain: {} then {}", r, all.get(1));
      return null;
    }
    String code = r.getLanguage().toLowerCase(Locale.ROOT);
    return ISO3_TO_BCP47.getOrDefault(code, code);
  }

  private static LanguageDetector detector() {
    LanguageDetector d = detector;
    if (d == null) {
      synchronized (DocumentLanguage.class) {
        if (detector == null) {
          try {
            detector = new OpenNLPDetector().loadModels();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language model", e);
          }
        }
        d = detector;
      }
    }
    return d;
  }

  private static Map<String, String> iso3ToTwoLetter() {
    Map<String, String> m = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        m.put(Locale.of(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code
      }
    }
    return Map.copyOf(m);
  }
}
