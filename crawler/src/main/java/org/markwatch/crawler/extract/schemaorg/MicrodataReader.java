package org.markwatch.crawler.extract.schemaorg;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.html.Css;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * schema.org microdata ({@code itemscope/itemtype/itemprop}) and RDFa-lite ({@code
 * typeof/property}) turned into the same JSON shape as JSON-LD, so one mapper reads both. Nested
 * items deeper than {@value #MAX_DEPTH} are cut.
 */
public final class MicrodataReader {
  public static final int MAX_DEPTH = 30;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private MicrodataReader() {}

  /** The top-level items of the page (items that are no other item's property). */
  public static List<JsonNode> read(Document doc) {
    List<JsonNode> out = new ArrayList<>();
    for (Element e : doc.select(Css.of("[itemscope], [typeof]"))) {
      // A property item outside any item (pulled in by an itemref elsewhere) is read on its own
      // too.
      if (!isProperty(e) || !hasScopeAncestor(e)) {
        out.add(item(e, 0));
      }
    }
    return out;
  }

  private static boolean hasScopeAncestor(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.hasAttr("itemscope") || p.hasAttr("typeof")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isProperty(Element e) {
    return e.hasAttr("itemprop") || (e.hasAttr("property") && e.hasAttr("typeof"));
  }

  private static ObjectNode item(Element scope, int depth) {
    ObjectNode node = F.objectNode();
    String type = scope.hasAttr("itemtype") ? scope.attr("itemtype") : scope.attr("typeof");
    if (!type.isBlank()) {
      var types = F.arrayNode();
      for (String t : type.trim().split("\\s+")) {
        types.add(t);
      }
      node.set("@type", types);
    }
    if (depth < MAX_DEPTH) {
      collect(scope, node, depth);
      Document doc = scope.ownerDocument();
      if (doc != null) {
        for (String id : scope.attr("itemref").trim().split("\\s+")) {
          Element ref = id.isEmpty() ? null : doc.getElementById(id);
          if (ref != null && ref != scope) {
            collectFrom(ref, node, depth);
          }
        }
      }
    }
    // <meta itemscope itemprop="brand" content="X">: the item is named by its content.
    if (!node.has("name") && scope.hasAttr("content") && !scope.attr("content").isBlank()) {
      node.put("name", scope.attr("content").strip());
    }
    return node;
  }

  /** An itemref'd element: a property itself, or a container of properties. */
  private static void collectFrom(Element ref, ObjectNode into, int depth) {
    if (ref.hasAttr("itemprop")) {
      boolean nested = ref.hasAttr("itemscope");
      JsonNode value = nested ? item(ref, depth + 1) : F.stringNode(value(ref));
      for (String p : ref.attr("itemprop").trim().split("\\s+")) {
        add(into, localName(p), value);
      }
      if (nested) {
        return;
      }
    }
    collect(ref, into, depth);
  }

  /** Walks the children of {@code scope}, stopping at nested scopes (they are their own items). */
  private static void collect(Element scope, ObjectNode into, int depth) {
    List<Element> stack = new ArrayList<>(scope.children());
    int visited = 0;
    while (!stack.isEmpty() && visited++ < 50_000) {
      Element e = stack.remove(stack.size() - 1);
      String props = e.hasAttr("itemprop") ? e.attr("itemprop") : rdfaProperty(e);
      boolean nestedScope = e.hasAttr("itemscope") || e.hasAttr("typeof");
      if (props != null && !props.isBlank()) {
        JsonNode value = nestedScope ? item(e, depth + 1) : F.stringNode(value(e));
        for (String p : props.trim().split("\\s+")) {
          add(into, localName(p), value);
        }
      }
      if (!nestedScope) {
        List<Element> kids = e.children();
        for (int i = kids.size() - 1; i >= 0; i--) {
          stack.add(kids.get(i));
        }
      }
    }
  }

  private static String rdfaProperty(Element e) {
    String p = e.attr("property");
    // OpenGraph meta tags use the property attribute too; they are read by the meta reader.
    return p.isBlank() || p.contains(":") ? null : p;
  }

  private static String localName(String p) {
    int slash = p.lastIndexOf('/');
    return slash >= 0 ? p.substring(slash + 1) : p;
  }

  private static void add(ObjectNode into, String prop, JsonNode value) {
    JsonNode existing = into.get(prop);
    if (existing == null) {
      into.set(prop, value);
    } else if (existing.isArray()) {
      ((tools.jackson.databind.node.ArrayNode) existing).add(value);
    } else {
      var arr = F.arrayNode();
      arr.add(existing);
      arr.add(value);
      into.set(prop, arr);
    }
  }

  /** The value of a property element, per the microdata rules. */
  static String value(Element e) {
    if (e.hasAttr("content")) {
      return e.attr("content").strip();
    }
    switch (e.normalName()) {
      case "meta":
        return e.attr("content").strip();
      case "a", "link", "area":
        return e.hasAttr("href")
            ? e.absUrl("href").isEmpty() ? e.attr("href") : e.absUrl("href")
            : e.text();
      case "img", "audio", "video", "source", "embed", "iframe", "track":
        return e.absUrl("src").isEmpty() ? e.attr("src") : e.absUrl("src");
      case "time":
        return e.hasAttr("datetime") ? e.attr("datetime") : e.text();
      case "data", "meter":
        return e.hasAttr("value") ? e.attr("value") : e.text();
      default:
        return e.text().strip();
    }
  }
}
