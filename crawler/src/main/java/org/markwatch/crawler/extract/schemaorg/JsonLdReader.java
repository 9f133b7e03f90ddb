package org.markwatch.crawler.extract.schemaorg;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.html.Css;
import tools.jackson.databind.JsonNode;

/**
 * The JSON-LD blocks of a page ({@code <script type="application/ld+json">}), each read leniently.
 * Broken blocks yield what could be repaired; unreadable ones are skipped.
 */
public final class JsonLdReader {
  /** At most this many blocks are read: pages with more are generated noise. */
  public static final int MAX_BLOCKS = 200;

  private JsonLdReader() {}

  public static List<JsonNode> read(Document doc) {
    List<JsonNode> out = new ArrayList<>();
    int n = 0;
    for (Element script : doc.select(Css.of("script[type~=(?i)application/ld\\+json]"))) {
      if (++n > MAX_BLOCKS) {
        break;
      }
      out.addAll(LenientJson.readAll(script.data()));
    }
    return out;
  }
}
