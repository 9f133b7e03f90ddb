package org.markwatch.crawler.extract;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Reads a {@link SiteProfile} from YAML: bound by the shared strict mapper ({@link StrictYaml})
 * onto {@link Spec}, so unknown keys and values of the wrong type are errors with file and line;
 * then the checks a type cannot make (required platform, slug syntax, kind, CSS selectors, regular
 * expressions, field names), each naming the file, line and field.
 */
public final class SiteProfileReader {
  private static final Pattern PLATFORM = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

  /** The shape of a profile file; absent values are null. */
  record Spec(
      String name,
      String platform,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> urls,
      String kind,
      String item,
      IdSpec id,
      IdSpec sellerId,
      Map<String, String> fields,
      Boolean priceFromText,
      Boolean contactsFromText,
      String description) {}

  /** How an id is read: a regex group over the URL, or an attribute. */
  record IdSpec(String url, String attribute) {}

  private SiteProfileReader() {}

  public static SiteProfile read(String fileName, String yaml) {
    YamlValue root = parse(fileName, yaml == null ? "" : yaml);
    if (!root.isMap()) {
      throw new ProfileException(
          fileName + ":" + root.line() + ": field 'profile' must be a mapping of keys to values");
    }
    Spec spec;
    try {
      spec = StrictYaml.read(Path.of(fileName), yaml, Spec.class);
    } catch (YamlException e) {
      String key = e.key() == null ? "" : e.key();
      throw new ProfileException(
          fileName
              + ":"
              + e.line()
              + (e.problem().startsWith("unknown key")
                  ? ": unknown field '" + key + "' (" + e.problem() + ")"
                  : ": field '" + key + "': " + e.problem()));
    }
    Map<String, YamlValue> top = root.map();
    String defaultName = fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\.ya?ml$", "");
    String name = spec.name() == null ? defaultName : spec.name().strip();
    if (spec.platform() == null) {
      throw new ProfileException(fileName + ":" + root.line() + ": field 'platform' is required");
    }
    String platform = spec.platform().strip();
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
    if (spec.urls() != null) {
      YamlValue urlsNode = top.get("urls");
      for (int i = 0; i < spec.urls().size(); i++) {
        int line =
            urlsNode.isList() && i < urlsNode.list().size()
                ? urlsNode.list().get(i).line()
                : urlsNode.line();
        urls.add(regex(fileName, line, spec.urls().get(i), "urls", false));
      }
    }
    String kind = spec.kind() == null ? "product" : spec.kind().strip();
    if (!kind.equals("product") && !kind.equals("post")) {
      throw new ProfileException(
          fileName
              + ":"
              + top.get("kind").line()
              + ": field 'kind': '"
              + kind
              + "' must be product or post");
    }
    String item = spec.item() == null ? null : spec.item().strip();
    if (item != null) {
      css(fileName, top.get("item").line(), "item", item);
    }
    IdRule listingId = idRule(fileName, spec.id(), top.get("id"), "id");
    IdRule sellerId = idRule(fileName, spec.sellerId(), top.get("sellerId"), "sellerId");
    Map<String, Selector> fields = new LinkedHashMap<>();
    if (spec.fields() != null) {
      Map<String, YamlValue> lines = top.get("fields").map();
      for (Map.Entry<String, String> e : spec.fields().entrySet()) {
        int line = lines.get(e.getKey()).line();
        if (!SiteProfile.FIELD_NAMES.contains(e.getKey())) {
          throw new ProfileException(
              fileName
                  + ":"
                  + line
                  + ": unknown field 'fields."
                  + e.getKey()
                  + "' (allowed: "
                  + String.join(", ", SiteProfile.FIELD_NAMES.stream().sorted().toList())
                  + ")");
        }
        if (e.getValue() == null) {
          continue;
        }
        if (e.getValue().isBlank()) {
          throw new ProfileException(
              fileName
                  + ":"
                  + line
                  + ": field 'fields."
                  + e.getKey()
                  + "' must be a CSS selector, optionally followed by @attribute");
        }
        fields.put(e.getKey(), selector(fileName, line, "fields." + e.getKey(), e.getValue()));
      }
    }
    boolean priceFromText =
        spec.priceFromText() == null ? kind.equals("post") : spec.priceFromText();
    boolean contactsFromText = spec.contactsFromText() == null || spec.contactsFromText();
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

  private static IdRule idRule(String file, IdSpec spec, YamlValue node, String field) {
    if (spec == null) {
      return null;
    }
    Pattern url =
        spec.url() == null
            ? null
            : regex(file, node.map().get("url").line(), spec.url(), field + ".url", true);
    String attribute = spec.attribute() == null ? null : spec.attribute().strip();
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

  private static Pattern regex(String file, int line, String s, String field, boolean needsGroup) {
    if (s == null || s.isBlank()) {
      throw new ProfileException(
          file + ":" + line + ": field '" + field + "' must be a regular expression");
    }
    Pattern p;
    try {
      p = Pattern.compile(s);
    } catch (PatternSyntaxException e) {
      throw new ProfileException(
          file
              + ":"
              + line
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
              + line
              + ": field '"
              + field
              + "': the regular expression needs a group ( ) around the id");
    }
    return p;
  }
}
