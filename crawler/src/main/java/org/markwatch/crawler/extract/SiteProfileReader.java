package org.markwatch.crawler.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector.SelectorParseException;
import org.markwatch.crawler.extract.SiteProfile.IdRule;
import org.markwatch.crawler.extract.SiteProfile.Selector;
import org.markwatch.model.yaml.StrictYaml;
import org.markwatch.model.yaml.YamlException;
import org.markwatch.model.yaml.YamlValue;

/**
 * Reads a {@link SiteProfile} from YAML and checks every value, naming file, line and field. The
 * YAML is read by the shared strict mapper ({@link StrictYaml#readLocated}); the checks stay here
 * because their messages name the profile's own fields and the CSS and regex rules.
 */
public final class SiteProfileReader {
  private static final Set<String> TOP_KEYS =
      Set.of(
          "name",
          "platform",
          "urls",
          "kind",
          "item",
          "id",
          "sellerId",
          "fields",
          "priceFromText",
          "contactsFromText",
          "description");
  private static final Set<String> ID_KEYS = Set.of("url", "attribute");
  private static final Pattern PLATFORM = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

  private SiteProfileReader() {}

  public static SiteProfile read(String fileName, String yaml) {
    YamlValue root = parse(fileName, yaml == null ? "" : yaml);
    Map<String, YamlValue> top = map(fileName, root, "profile");
    checkKeys(fileName, top, TOP_KEYS, "");
    String defaultName = fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\.ya?ml$", "");
    String name = string(fileName, top, "name", defaultName);
    String platform = string(fileName, top, "platform", null);
    if (platform == null) {
      throw new ProfileException(fileName + ":" + root.line() + ": field 'platform' is required");
    }
    if (!PLATFORM.matcher(platform).matches()) {
      throw new ProfileException(
          fileName
              + ":"
              + top.get("platform").line()
              + ": field 'platform': '"
              + platform
              + "' must be a lowercase slug (a-z, 0-9, _ . -)");
    }
    List<Pattern> urls = new ArrayList<>();
    YamlValue urlsNode = top.get("urls");
    if (urlsNode != null) {
      if (!(urlsNode.value() instanceof List<?> list)) {
        throw new ProfileException(
            fileName
                + ":"
                + urlsNode.line()
                + ": field 'urls' must be a list of regular expressions");
      }
      for (Object o : list) {
        YamlValue n = (YamlValue) o;
        urls.add(regex(fileName, n, "urls", false));
      }
    }
    String kind = string(fileName, top, "kind", "product");
    if (!kind.equals("product") && !kind.equals("post")) {
      throw new ProfileException(
          fileName
              + ":"
              + top.get("kind").line()
              + ": field 'kind': '"
              + kind
              + "' must be product or post");
    }
    String item = string(fileName, top, "item", null);
    if (item != null) {
      css(fileName, top.get("item").line(), "item", item);
    }
    IdRule listingId = idRule(fileName, top.get("id"), "id");
    IdRule sellerId = idRule(fileName, top.get("sellerId"), "sellerId");
    Map<String, Selector> fields = new LinkedHashMap<>();
    YamlValue fieldsNode = top.get("fields");
    if (fieldsNode != null) {
      Map<String, YamlValue> f = map(fileName, fieldsNode, "fields");
      checkKeys(fileName, f, SiteProfile.FIELD_NAMES, "fields.");
      for (Map.Entry<String, YamlValue> e : f.entrySet()) {
        if (e.getValue().value() == null) {
          continue;
        }
        if (!(e.getValue().value() instanceof String s) || s.isBlank()) {
          throw new ProfileException(
              fileName
                  + ":"
                  + e.getValue().line()
                  + ": field 'fields."
                  + e.getKey()
                  + "' must be a CSS selector, optionally followed by @attribute");
        }
        fields.put(e.getKey(), selector(fileName, e.getValue().line(), "fields." + e.getKey(), s));
      }
    }
    boolean priceFromText = bool(fileName, top, "priceFromText", kind.equals("post"));
    boolean contactsFromText = bool(fileName, top, "contactsFromText", true);
    return new SiteProfile(
        name,
        platform,
        urls,
        kind,
        item,
        listingId,
        sellerId,
        fields,
        priceFromText,
        contactsFromText);
  }

  /**
   * The YAML through the shared strict mapper: same depth and size limits, keys given twice
   * refused.
   */
  private static YamlValue parse(String fileName, String yaml) {
    YamlValue root;
    try {
      root = StrictYaml.readLocated(Path.of(fileName), yaml);
    } catch (YamlException e) {
      throw new ProfileException(fileName + ":" + e.line() + ": not valid YAML: " + e.problem());
    }
    if (root.value() == null) {
      throw new ProfileException(fileName + ": empty profile");
    }
    return root;
  }

  private static IdRule idRule(String file, YamlValue node, String field) {
    if (node == null || node.value() == null) {
      return null;
    }
    Map<String, YamlValue> m = map(file, node, field);
    checkKeys(file, m, ID_KEYS, field + ".");
    Pattern url = m.containsKey("url") ? regex(file, m.get("url"), field + ".url", true) : null;
    String attribute = string(file, m, "attribute", null);
    if (url == null && attribute == null) {
      throw new ProfileException(
          file + ":" + node.line() + ": field '" + field + "' needs 'url' or 'attribute'");
    }
    return new IdRule(url, attribute);
  }

  static Selector selector(String file, int line, String field, String text) {
    String css = text.strip();
    String attribute = null;
    int at = css.lastIndexOf('@');
    if (at >= 0) {
      attribute = css.substring(at + 1).strip();
      css = css.substring(0, at).strip();
      if (!attribute.matches("[A-Za-z_:][-A-Za-z0-9_:.]*")) {
        throw new ProfileException(
            file
                + ":"
                + line
                + ": field '"
                + field
                + "': '"
                + attribute
                + "' is not an attribute name");
      }
    }
    css(file, line, field, css);
    return new Selector(css, attribute);
  }

  private static void css(String file, int line, String field, String css) {
    try {
      QueryParser.parse(css);
    } catch (SelectorParseException | IllegalArgumentException e) {
      throw new ProfileException(
          file
              + ":"
              + line
              + ": field '"
              + field
              + "': bad CSS selector '"
              + css
              + "': "
              + e.getMessage());
    }
  }

  private static Pattern regex(String file, YamlValue n, String field, boolean needsGroup) {
    if (!(n.value() instanceof String s) || s.isBlank()) {
      throw new ProfileException(
          file + ":" + n.line() + ": field '" + field + "' must be a regular expression");
    }
    Pattern p;
    try {
      p = Pattern.compile(s);
    } catch (PatternSyntaxException e) {
      throw new ProfileException(
          file
              + ":"
              + n.line()
              + ": field '"
              + field
              + "': bad regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex());
    }
    if (needsGroup && p.matcher("").groupCount() < 1) {
      throw new ProfileException(
          file
              + ":"
              + n.line()
              + ": field '"
              + field
              + "': the regular expression needs a group ( ) around the id");
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, YamlValue> map(String file, YamlValue n, String field) {
    if (!(n.value() instanceof Map<?, ?> m)) {
      throw new ProfileException(
          file + ":" + n.line() + ": field '" + field + "' must be a mapping of keys to values");
    }
    return (Map<String, YamlValue>) m;
  }

  private static void checkKeys(
      String file, Map<String, YamlValue> m, Set<String> allowed, String prefix) {
    for (Map.Entry<String, YamlValue> e : m.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw new ProfileException(
            file
                + ":"
                + e.getValue().line()
                + ": unknown field '"
                + prefix
                + e.getKey()
                + "' (allowed: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
  }

  private static String string(String file, Map<String, YamlValue> m, String key, String dflt) {
    YamlValue n = m.get(key);
    if (n == null || n.value() == null) {
      return dflt;
    }
    if (!(n.value() instanceof String s)) {
      throw new ProfileException(
          file + ":" + n.line() + ": field '" + key + "' must be a single value");
    }
    return s.strip();
  }

  private static boolean bool(String file, Map<String, YamlValue> m, String key, boolean dflt) {
    String s = string(file, m, key, null);
    if (s == null) {
      return dflt;
    }
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new ProfileException(
        file
            + ":"
            + m.get(key).line()
            + ": field '"
            + key
            + "' must be true or false, not '"
            + s
            + "'");
  }
}
