package org.markwatch.crawler.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.markwatch.crawler.source.SourceFileSpec.BrowserSpec;
import org.markwatch.crawler.source.SourceFileSpec.PolitenessSpec;
import org.markwatch.crawler.source.SourceFileSpec.SourceSpec;
import org.markwatch.model.yaml.StrictYaml;
import org.markwatch.model.yaml.YamlException;
import org.markwatch.model.yaml.YamlValue;

/**
 * Turns the text of one source file into {@link Source}s. The file is bound onto {@link
 * SourceFileSpec} by the shared strict mapper ({@link StrictYaml}): unknown keys and wrong types
 * are errors with file, line and key there. What a type cannot say is checked here, with the line
 * of the value: required values, id syntax, URLs, variables, regular expressions, ranges, the cron
 * expression's shape, and the profile. Format: conf/sources/README.md.
 */
final class SourceFileParser {
  static final int DEFAULT_MAX_PAGES = 1000;

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

  private final String file;
  private final Variables vars;
  private final ProfileLoader profiles;
  private final List<SourceLoader.SetAside> setAside;
  private YamlValue located; // the same text as a tree that knows lines, for the checks' messages

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
    SourceFileSpec spec;
    try {
      located = StrictYaml.readLocated(Path.of(file), text); // also refuses a key given twice
      if (!located.isMap()) {
        throw error("", "expected a mapping with a 'sources' list, got " + located.kind());
      }
      spec = StrictYaml.read(Path.of(file), text, SourceFileSpec.class);
    } catch (YamlException e) {
      throw new SourceConfigException(
          file,
          e.line(),
          e.key() == null ? "" : e.key(),
          (e.key() == null || e.key().isEmpty()) && !e.problem().startsWith("unknown key")
              ? "not valid YAML: " + e.problem()
              : e.problem());
    }
    if (spec.sources() == null) {
      throw error("sources", "expected a list of sources");
    }
    List<Source> out = new ArrayList<>();
    for (int i = 0; i < spec.sources().size(); i++) {
      SourceSpec s = spec.sources().get(i);
      String at = "sources[" + i + "]";
      if (s == null) {
        throw error(at, "expected a mapping, got nothing");
      }
      if (s.enabled() == null || s.enabled()) {
        try {
          out.add(source(s, at));
        } catch (Variables.UnknownVariableException e) {
          if (setAside == null) {
            throw e.error;
          }
          setAside.add(
              new SourceLoader.SetAside(
                  s.id(),
                  file,
                  line(at),
                  "needs the variable ${" + e.name + "} (pass it with --var " + e.name + "=URL)"));
        }
      }
    }
    return out;
  }

  private Source source(SourceSpec s, String at) {
    String id = required(s.id(), at, "id");
    if (!ID.matcher(id).matches()) {
      throw error(at + ".id", "must match " + ID.pattern() + ", got '" + id + "'");
    }
    String platform = required(s.platform(), at, "platform");
    if (!ID.matcher(platform).matches()) {
      throw error(at + ".platform", "must match " + ID.pattern() + ", got '" + platform + "'");
    }
    if (s.seeds() == null) {
      throw error(at + ".seeds", "required");
    }
    if (s.seeds().isEmpty()) {
      throw error(at + ".seeds", "at least one seed URL is needed");
    }
    List<String> seeds = new ArrayList<>();
    Set<String> hosts = new LinkedHashSet<>();
    for (int i = 0; i < s.seeds().size(); i++) {
      String field = at + ".seeds[" + i + "]";
      URI uri =
          httpUrl(field, vars.substitute(text(s.seeds().get(i), field), file, line(field), field));
      seeds.add(uri.toString());
      hosts.add(Source.hostKey(uri));
    }
    List<String> extraHosts = s.hosts() == null ? List.of() : s.hosts();
    for (int i = 0; i < extraHosts.size(); i++) {
      String field = at + ".hosts[" + i + "]";
      String host =
          vars.substitute(text(extraHosts.get(i), field), file, line(field), field)
              .toLowerCase(Locale.ROOT);
      if (!host.matches("[a-z0-9.-]+(:\\d{1,5})?")) {
        throw error(field, "expected host or host:port, got '" + host + "'");
      }
      hosts.add(host);
    }
    String fetch = s.fetch() == null ? "static" : s.fetch().trim();
    FetchMode mode =
        switch (fetch) {
          case "static" -> FetchMode.STATIC;
          case "browser" -> FetchMode.BROWSER;
          default -> throw error(at + ".fetch", "expected static or browser, got '" + fetch + "'");
        };
    int maxPages = (int) range(s.maxPages(), DEFAULT_MAX_PAGES, 1, 1_000_000, at + ".maxPages");
    String profileName = s.profile() == null ? null : text(s.profile(), at + ".profile");
    var profile =
        profileName == null
            ? null
            : profiles.load(profileName, file, line(at + ".profile"), at + ".profile");
    return new Source(
        id,
        platform,
        seeds,
        mode,
        hosts,
        patterns(s.follow(), at + ".follow"),
        patterns(s.products(), at + ".products"),
        s.sitemap() != null && s.sitemap(),
        maxPages,
        politeness(s.politeness(), at + ".politeness"),
        profileName,
        profile,
        browser(s.browser(), at + ".browser"),
        file,
        revisit(s.revisit(), at + ".revisit"),
        schedule(s.schedule(), at + ".schedule"));
  }

  private Politeness politeness(PolitenessSpec p, String at) {
    if (p == null) {
      return Politeness.DEFAULT;
    }
    Politeness d = Politeness.DEFAULT;
    long backoff = range(p.backoffMs(), d.backoffMs(), 0, 3_600_000, at + ".backoffMs");
    long maxBackoff =
        range(
            p.maxBackoffMs(),
            Math.max(d.maxBackoffMs(), backoff),
            0,
            3_600_000,
            at + ".maxBackoffMs");
    if (maxBackoff < backoff) {
      throw error(at + ".maxBackoffMs", "must be >= backoffMs (" + backoff + ")");
    }
    return new Politeness(
        range(p.delayMs(), d.delayMs(), 0, 3_600_000, at + ".delayMs"),
        range(p.maxCrawlDelayMs(), d.maxCrawlDelayMs(), 0, 86_400_000, at + ".maxCrawlDelayMs"),
        (int) range(p.maxRetries(), d.maxRetries(), 0, 20, at + ".maxRetries"),
        backoff,
        maxBackoff);
  }

  private BrowserSettings browser(BrowserSpec b, String at) {
    if (b == null) {
      return BrowserSettings.DEFAULT;
    }
    BrowserSettings d = BrowserSettings.DEFAULT;
    return new BrowserSettings(
        (int) range(b.scrollRounds(), d.scrollRounds(), 0, 1000, at + ".scrollRounds"),
        range(b.scrollWaitMs(), d.scrollWaitMs(), 0, 60_000, at + ".scrollWaitMs"),
        range(b.pageTimeoutMs(), d.pageTimeoutMs(), 1, 600_000, at + ".pageTimeoutMs"),
        b.screenshot() == null ? d.screenshot() : b.screenshot());
  }

  private Revisit revisit(SourceFileSpec.RevisitSpec r, String at) {
    if (r == null) {
      return Revisit.DEFAULT;
    }
    return new Revisit(
        duration(r.products(), Revisit.DEFAULT_PRODUCTS, at + ".products"),
        duration(r.pages(), Revisit.DEFAULT_PAGES, at + ".pages"));
  }

  private Duration duration(Duration d, Duration dflt, String field) {
    if (d == null) {
      return dflt;
    }
    if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofDays(366)) > 0) {
      throw error(field, "must be between PT1M and P366D, got " + d);
    }
    return d;
  }

  /**
   * The cron expression's shape: six fields (second minute hour day-of-month month day-of-week), as
   * the scheduler reads them; the scheduler parses it fully when it registers the source.
   */
  private String schedule(String cron, String field) {
    if (cron == null) {
      return null;
    }
    String c = text(cron, field);
    if (!c.equals("-") && c.split("\\s+").length != 6) {
      throw error(
          field,
          "expected a cron expression of 6 fields (second minute hour day month weekday, e.g."
              + " '0 0 2 * * *' for 02:00 every day, Asia/Ho_Chi_Minh), got '"
              + c
              + "'");
    }
    return c;
  }

  private List<Pattern> patterns(List<String> regexes, String at) {
    List<Pattern> out = new ArrayList<>();
    if (regexes == null) {
      return out;
    }
    for (int i = 0; i < regexes.size(); i++) {
      String field = at + "[" + i + "]";
      String regex = text(regexes.get(i), field);
      try {
        out.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw error(
            field, "not a valid regular expression: " + e.getDescription() + " in '" + regex + "'");
      }
    }
    return out;
  }

  private URI httpUrl(String field, String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw error(field, "expected an absolute http(s) URL, got '" + text + "'");
      }
      return uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri;
    } catch (URISyntaxException e) {
      throw error(field, "not a valid URL: " + e.getMessage());
    }
  }

  private String required(String value, String at, String key) {
    if (value == null) {
      throw error(at + "." + key, "required");
    }
    return text(value, at + "." + key);
  }

  private String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw error(field, "expected a non-empty text value");
    }
    return value.trim();
  }

  private long range(Number value, long dflt, long min, long max, String field) {
    if (value == null) {
      return dflt;
    }
    long n = value.longValue();
    if (n < min || n > max) {
      throw error(field, "must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  /**
   * The line of a field path such as {@code sources[1].seeds[0]}: its own line when the file has
   * it, else the line of the nearest enclosing value that it has (a missing required key: the
   * source's line).
   */
  private int line(String path) {
    YamlValue node = located;
    int line = node.line();
    for (String part : path.split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      int bracket = part.indexOf('[');
      String key = bracket < 0 ? part : part.substring(0, bracket);
      if (!key.isEmpty()) {
        if (node == null || !node.isMap() || !node.map().containsKey(key)) {
          return line;
        }
        node = node.map().get(key);
        line = node.line() > 0 ? node.line() : line;
      }
      while (bracket >= 0) {
        int end = part.indexOf(']', bracket);
        int index = Integer.parseInt(part.substring(bracket + 1, end));
        if (node == null || !node.isList()) {
          // a single value accepted where a list is expected
          return line;
        }
        if (index >= node.list().size()) {
          return line;
        }
        node = node.list().get(index);
        line = node.line() > 0 ? node.line() : line;
        bracket = part.indexOf('[', end);
      }
    }
    return line;
  }

  private SourceConfigException error(String field, String reason) {
    return new SourceConfigException(file, line(field), field, reason);
  }
}
