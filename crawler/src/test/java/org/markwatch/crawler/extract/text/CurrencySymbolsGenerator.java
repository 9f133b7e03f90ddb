package org.markwatch.crawler.extract.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code currency-symbols.tsv} (symbol TAB ISO 4217 code) from the JDK's locale data: every
 * country locale's currency symbol where it differs from the code. Run once per JDK upgrade: asking
 * the JDK for ~1,000 locale symbols at start-up took 20 s on the build machine.
 *
 * <pre>java -cp ... org.markwatch.crawler.extract.text.CurrencySymbolsGenerator FILE</pre>
 */
public final class CurrencySymbolsGenerator {
  private CurrencySymbolsGenerator() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> symbols = new TreeMap<>();
    for (Locale locale : Locale.getAvailableLocales()) {
      if (locale.getCountry().isEmpty()) {
        continue;
      }
      Currency c;
      try {
        c = Currency.getInstance(locale);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (c == null) {
        continue;
      }
      String symbol = c.getSymbol(locale);
      if (!symbol.equals(c.getCurrencyCode()) && !symbol.contains("\t") && !symbol.contains("\n")) {
        // The first locale (in the JDK's order) to name a symbol keeps it, as the old start-up loop
        // did.
        symbols.putIfAbsent(symbol, c.getCurrencyCode());
      }
    }
    StringBuilder sb =
        new StringBuilder(
            "# symbol\tISO 4217, from the JDK locale data ("
                + Runtime.version()
                + "); regenerate with CurrencySymbolsGenerator\n");
    symbols.forEach((s, iso) -> sb.append(s).append('\t').append(iso).append('\n'));
    Files.writeString(Path.of(args[0]), sb.toString(), StandardCharsets.UTF_8);
  }
}
