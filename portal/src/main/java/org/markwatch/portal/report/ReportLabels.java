package org.markwatch.portal.report;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of a report, from the portal's message files: the portal passes its MessageSource, the
 * command line reads the same files as resource bundles.
 */
@FunctionalInterface
public interface ReportLabels {
  /** The text of {@code key} with its arguments; {@code fallback} when there is none. */
  String text(String key, String fallback, Object... args);

  /** The message files as resource bundles (UTF-8), for use outside Spring. */
  static ReportLabels bundles(Locale locale) {
    List<ResourceBundle> bundles =
        List.of(
            ResourceBundle.getBundle("messages-ops", locale, noFallback()),
            ResourceBundle.getBundle("messages", locale, noFallback()));
    return (key, fallback, args) -> {
      for (ResourceBundle b : bundles) {
        try {
          String pattern = b.getString(key);
          return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
          // try the next bundle
        }
      }
      return fallback;
    };
  }

  private static ResourceBundle.Control noFallback() {
    return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  }
}
