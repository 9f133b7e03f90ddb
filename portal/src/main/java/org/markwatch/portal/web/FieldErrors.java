package org.markwatch.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.markwatch.storage.InvalidInputException;
import org.springframework.context.MessageSource;

/**
 * A store's refusal ({@link InvalidInputException}) as texts per form field in the reader's
 * language, for a form to show beside each field: the message {@code PREFIX.error.CODE} with the
 * problem's value as {0}. A code without a message falls back to the store's English text.
 */
public final class FieldErrors {
  private FieldErrors() {}

  public static Map<String, List<String>> of(
      InvalidInputException e, String prefix, MessageSource messages, Locale locale) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (InvalidInputException.Problem p : e.problems()) {
      String text =
          messages.getMessage(
              prefix + ".error." + p.code(),
              new Object[] {p.value() == null ? "" : p.value()},
              e.getMessage(),
              locale);
      out.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(text);
    }
    return out;
  }
}
