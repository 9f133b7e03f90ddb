package org.markwatch.crawler.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.markwatch.model.yaml.StrictYaml;
import org.markwatch.model.yaml.YamlException;
import org.markwatch.model.yaml.YamlValue;

/**
 * Turns the text of one source file into {@link Source}s. Every value is checked; unknown keys are
 * errors (a misspelt {@code delayMS} must not silently fall back to the default). Format:
 * conf/sources/README.md. The YAML is read by the shared strict mapper ({@link StrictYaml}); the
 * checks stay here because they need the variables, the profiles and messages per field.
 */
final class SourceFileParser {
  static final int DEFAULT_MAX_PAGES = 1000;

  private static final Set<String> SOURCE_KEYS =
      Set.of(
          "id",
          "platform",
          "enabled",
          "seeds",
          "fetch",
          "hosts",
          "follow",
          "products",
          "sitemap",
          "maxPages",
          "politeness",
          "profile",
          "browser");
  private static final Set<String> POLITENESS_KEYS =
      Set.of("delayMs", "maxCrawlDelayMs", "maxRetries", "backoffMs", "maxBackoffMs");
  private static final Set<String> BROWSER_KEYS =
      Set.of("scrollRounds", "scrollWaitMs", "pageTimeoutMs", "screenshot");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

  private final String file;
  private final Variables vars;
  private final ProfileLoader profiles;
  private final List<SourceLoader.SetAside> setAside;

  /**
   * @param setAside where sources naming a variable the caller did not pass are put; null makes
   *     such a variable an error
   */
  SourceFileParser(
      String file, Variables vars, ProfileLoader profiles, List<SourceLoader.SetAside> setAside) {
    this.file = file;
    this.vars = vars;
    this.profiles = profiles;
    this.setAside = setAside;
  }

  /** Enabled sources of the file, in file order. */
  List<Source> parse(String text) {
    YamlValue root;
    try {
      root = StrictYaml.readLocated(Path.of(file), text);
    } catch (YamlException e) {
      throw new SourceConfigException(file, e.line(), "", "not valid YAML: " + e.problem());
    }
    if (!root.isMap()) {
      throw error(root, "", "expected a mapping with a 'sources' list, got " + root.kind());
    }
    rejectUnknown(root, "", Set.of("sources"));
    YamlValue list = root.map().get("sources");
    if (list == null || !list.isList()) {
      throw error(list == null ? root : list, "sources", "expected a list of sources");
    }
    List<Source> out = new ArrayList<>();
    for (int i = 0; i < list.list().size(); i++) {
      YamlValue node = list.list().get(i);
      String at = "sources[" + i + "]";
      if (!node.isMap()) {
        throw error(node, at, "expected a mapping, got " + node.kind());
      }
      if (bool(node, at, "enabled", true)) {
        try {
          out.add(source(node, at));
        } catch (Variables.UnknownVariableException e) {
          if (setAside == null) {
            throw e.error;
          }
          setAside.add(
              new SourceLoader.SetAside(
                  string(node, at, "id", null),
                  file,
                  node.line(),
                  "needs the variable ${" + e.name + "} (pass it with --var " + e.name + "=URL)"));
        }
      }
    }
    return out;
  }

  private Source source(YamlValue node, String at) {
    rejectUnknown(node, at, SOURCE_KEYS);
    String id = string(node, at, "id", null);
    if (!ID.matcher(id).matches()) {
      throw error(
          node.map().get("id"), at + ".id", "must match " + ID.pattern() + ", got '" + id + "'");
    }
    String platform = string(node, at, "platform", null);
    if (!ID.matcher(platform).matches()) {
      throw error(
          node.map().get("platform"),
          at + ".platform",
          "must match " + ID.pattern() + ", got '" + platform + "'");
    }
    List<String> seeds = new ArrayList<>();
    Set<String> hosts = new LinkedHashSet<>();
    List<YamlValue> seedNodes = list(node, at, "seeds", true);
    if (seedNodes.isEmpty()) {
      throw error(node.map().get("seeds"), at + ".seeds", "at least one seed URL is needed");
    }
    for (int i = 0; i < seedNodes.size(); i++) {
      String field = at + ".seeds[" + i + "]";
      YamlValue s = seedNodes.get(i);
      URI uri = httpUrl(s, field, vars.substitute(scalar(s, field), file, s.line(), field));
      seeds.add(uri.toString());
      hosts.add(Source.hostKey(uri));
    }
    List<YamlValue> hostNodes = list(node, at, "hosts", false);
    for (int i = 0; i < hostNodes.size(); i++) {
      String field = at + ".hosts[" + i + "]";
      YamlValue h = hostNodes.get(i);
      String host =
          vars.substitute(scalar(h, field), file, h.line(), field).toLowerCase(Locale.ROOT);
      if (!host.matches("[a-z0-9.-]+(:\\d{1,5})?")) {
        throw error(h, field, "expected host or host:port, got '" + host + "'");
      }
      hosts.add(host);
    }
    String fetch = string(node, at, "fetch", "static");
    FetchMode mode =
        switch (fetch) {
          case "static" -> FetchMode.STATIC;
          case "browser" -> FetchMode.BROWSER;
          default ->
              throw error(
                  node.map().get("fetch"),
                  at + ".fetch",
                  "expected static or browser, got '" + fetch + "'");
        };
    List<Pattern> follow = patterns(node, at, "follow");
    List<Pattern> products = patterns(node, at, "products");
    boolean sitemap = bool(node, at, "sitemap", false);
    int maxPages = (int) number(node, at, "maxPages", DEFAULT_MAX_PAGES, 1, 1_000_000);
    Politeness politeness = politeness(node.map().get("politeness"), at + ".politeness");
    BrowserSettings browser = browser(node.map().get("browser"), at + ".browser");
    YamlValue profileNode = node.map().get("profile");
    String profileName =
        profileNode == null || profileNode.value() == null
            ? null
            : scalar(profileNode, at + ".profile");
    var profile =
        profileName == null
            ? null
            : profiles.load(profileName, file, profileNode.line(), at + ".profile");
    return new Source(
        id,
        platform,
        seeds,
        mode,
        hosts,
        follow,
        products,
        sitemap,
        maxPages,
        politeness,
        profileName,
        profile,
        browser,
        file);
  }

  private Politeness politeness(YamlValue node, String at) {
    if (node == null || node.value() == null) {
      return Politeness.DEFAULT;
    }
    requireMap(node, at);
    rejectUnknown(node, at, POLITENESS_KEYS);
    Politeness d = Politeness.DEFAULT;
    long backoff = number(node, at, "backoffMs", d.backoffMs(), 0, 3_600_000);
    long maxBackoff =
        number(node, at, "maxBackoffMs", Math.max(d.maxBackoffMs(), backoff), 0, 3_600_000);
    if (maxBackoff < backoff) {
      throw error(
          node.map().get("maxBackoffMs"),
          at + ".maxBackoffMs",
          "must be >= backoffMs (" + backoff + ")");
    }
    return new Politeness(
        number(node, at, "delayMs", d.delayMs(), 0, 3_600_000),
        number(node, at, "maxCrawlDelayMs", d.maxCrawlDelayMs(), 0, 86_400_000),
        (int) number(node, at, "maxRetries", d.maxRetries(), 0, 20),
        backoff,
        maxBackoff);
  }

  private BrowserSettings browser(YamlValue node, String at) {
    if (node == null || node.value() == null) {
      return BrowserSettings.DEFAULT;
    }
    requireMap(node, at);
    rejectUnknown(node, at, BROWSER_KEYS);
    BrowserSettings d = BrowserSettings.DEFAULT;
    return new BrowserSettings(
        (int) number(node, at, "scrollRounds", d.scrollRounds(), 0, 1000),
        number(node, at, "scrollWaitMs", d.scrollWaitMs(), 0, 60_000),
        number(node, at, "pageTimeoutMs", d.pageTimeoutMs(), 1, 600_000),
        bool(node, at, "screenshot", d.screenshot()));
  }

  private List<Pattern> patterns(YamlValue node, String at, String key) {
    List<Pattern> out = new ArrayList<>();
    List<YamlValue> items = list(node, at, key, false);
    for (int i = 0; i < items.size(); i++) {
      String field = at + "." + key + "[" + i + "]";
      String regex = scalar(items.get(i), field);
      try {
        out.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw error(
            items.get(i),
            field,
            "not a valid regular expression: " + e.getDescription() + " in '" + regex + "'");
      }
    }
    return out;
  }

  private URI httpUrl(YamlValue node, String field, String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw error(node, field, "expected an absolute http(s) URL, got '" + text + "'");
      }
      return uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri;
    } catch (URISyntaxException e) {
      throw error(node, field, "not a valid URL: " + e.getMessage());
    }
  }

  private String string(YamlValue node, String at, String key, String dflt) {
    YamlValue v = node.map().get(key);
    if (v == null || v.value() == null) {
      if (dflt == null) {
        throw error(node, at + "." + key, "required");
      }
      return dflt;
    }
    return scalar(v, at + "." + key);
  }

  private String scalar(YamlValue v, String field) {
    if (!v.isScalar() || v.scalar().isBlank()) {
      throw error(v, field, "expected a non-empty text value, got " + v.kind());
    }
    return v.scalar().trim();
  }

  private long number(YamlValue node, String at, String key, long dflt, long min, long max) {
    YamlValue v = node.map().get(key);
    if (v == null || v.value() == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.isScalar() ? v.scalar().trim() : "x");
      if (n < min || n > max) {
        throw error(v, at + "." + key, "must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw error(v, at + "." + key, "expected a whole number, got " + v.kind());
    }
  }

  private boolean bool(YamlValue node, String at, String key, boolean dflt) {
    YamlValue v = node.map().get(key);
    if (v == null || v.value() == null) {
      return dflt;
    }
    if (v.isScalar() && (v.scalar().equals("true") || v.scalar().equals("false"))) {
      return Boolean.parseBoolean(v.scalar());
    }
    throw error(v, at + "." + key, "expected true or false, got " + v.kind());
  }

  private List<YamlValue> list(YamlValue node, String at, String key, boolean required) {
    YamlValue v = node.map().get(key);
    if (v == null || v.value() == null) {
      if (required) {
        throw error(node, at + "." + key, "required");
      }
      return List.of();
    }
    if (v.isScalar()) {
      return List.of(v); // a single value is accepted where a list is expected
    }
    if (!v.isList()) {
      throw error(v, at + "." + key, "expected a list, got " + v.kind());
    }
    return v.list();
  }

  private void requireMap(YamlValue node, String at) {
    if (!node.isMap()) {
      throw error(node, at, "expected a mapping, got " + node.kind());
    }
  }

  private void rejectUnknown(YamlValue node, String at, Set<String> known) {
    for (Map.Entry<String, YamlValue> e : node.map().entrySet()) {
      if (!known.contains(e.getKey())) {
        throw error(
            e.getValue(),
            at.isEmpty() ? e.getKey() : at + "." + e.getKey(),
            "unknown key; known keys are " + new TreeSet<>(known));
      }
    }
  }

  private SourceConfigException error(YamlValue node, String field, String reason) {
    return new SourceConfigException(file, node == null ? 0 : node.line(), field, reason);
  }
}
