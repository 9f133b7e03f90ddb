package org.markwatch.detectors.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.markwatch.detectors.analysis.TextForms;
import org.markwatch.detectors.config.ConfigException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Turns brand lists from outside into catalog brands. Two formats:
 *
 * <ul>
 *   <li>the brand-owner CSV ({@link #CSV_HEADER}), one fact per row, rows of one brand id merged: a
 *       row may add aliases ({@code |}-separated), a product line with its type and genuine price
 *       range in VND, and an official store (platform, shop name, seller id);
 *   <li>the retail brand TSV of name-suggestion-index ({@code brand, wikidata, category,
 *       locationSet_include, matchNames}), for scale.
 * </ul>
 *
 * Errors name the file and the 1-based line.
 */
public final class BrandImport {
  /** The header line of the brand-owner CSV. */
  public static final String CSV_HEADER =
      "brand_id,name,category,aliases,product_line,product_type,min_price_vnd,max_price_vnd,store_platform,store_name,store_seller_id";

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private BrandImport() {}

  /** Parses the brand-owner CSV. */
  public static List<Brand> fromCsv(String file, String text) {
    List<Row> rows = rows(file, text, CSV);
    List<String> header = CSV_HEADER_COLUMNS;
    if (rows.isEmpty() || rows.get(0).line() != 1 || !rows.get(0).fields().equals(header)) {
      throw new ConfigException(file, 1, 1, "header must be: " + CSV_HEADER);
    }
    int columns = header.size();
    Map<String, Builder> brands = new LinkedHashMap<>();
    for (Row row : rows.subList(1, rows.size())) {
      int line = row.line();
      List<String> f = row.fields();
      if (f.size() != columns) {
        throw new ConfigException(
            file, line, 0, "expected " + columns + " columns, found " + f.size());
      }
      String id = f.get(0);
      if (!ID.matcher(id).matches()) {
        throw new ConfigException(
            file,
            line,
            1,
            "brand_id must be a lowercase slug such as louis-vuitton, got '" + id + "'");
      }
      final int at = line;
      Builder b = brands.computeIfAbsent(id, k -> new Builder(k, at));
      b.set(file, line, "name", f.get(1));
      b.set(file, line, "category", f.get(2));
      for (String a : f.get(3).split("\\|")) {
        if (!a.isBlank()) {
          b.aliases.add(a.strip());
        }
      }
      if (!f.get(4).isBlank()) {
        long min = price(file, line, "min_price_vnd", f.get(6));
        long max = price(file, line, "max_price_vnd", f.get(7));
        if (max > 0 && max < min) {
          throw new ConfigException(file, line, 0, "max_price_vnd is below min_price_vnd");
        }
        if (f.get(5).isBlank()) {
          throw new ConfigException(file, line, 0, "product_type is required with a product_line");
        }
        b.lines.add(new ProductLine(f.get(4), List.of(), f.get(5), min, max));
      } else if (!f.get(6).isBlank() || !f.get(5).isBlank()) {
        if (f.get(5).isBlank()) {
          throw new ConfigException(file, line, 0, "product_type is required with a price");
        }
        b.prices.put(f.get(5), price(file, line, "min_price_vnd", f.get(6)));
      }
      if (!f.get(9).isBlank() || !f.get(10).isBlank()) {
        String platform = f.get(8).isBlank() ? "*" : f.get(8);
        b.stores.add(new OfficialStore(platform, blankToNull(f.get(9)), blankToNull(f.get(10))));
      }
    }
    List<Brand> out = new ArrayList<>();
    for (Builder b : brands.values()) {
      if (b.name == null) {
        throw new ConfigException(
            file, b.firstLine, 0, "brand '" + b.id + "' has no name on any row");
      }
      out.add(b.build());
    }
    return out;
  }

  /** Parses the retail TSV, skipping brands whose id or name is already known. */
  public static List<Brand> fromRetailTsv(
      String file, String text, Set<String> knownIds, Set<String> knownNames) {
    return fromRetailTsv(file, text, knownIds, knownNames, Set.of());
  }

  /**
   * A name a listing uses as an ordinary word rather than a brand: fewer than three letters ("X",
   * "Da") unless written with a sign ("H&M"), only digits and signs ("76"), or a single word of
   * {@code commonWords} ("Green", "Plus", "Only"). The retail list names shops, and many shops are
   * named by such words; as catalog brands they would be found in most titles.
   */
  static boolean ordinaryWord(String name, Set<String> commonWords) {
    String folded = TextForms.fold(name).toLowerCase(Locale.ROOT).strip();
    long letters = folded.codePoints().filter(Character::isLetter).count();
    boolean sign =
        folded
            .codePoints()
            .anyMatch(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c));
    if (letters == 0 || (letters < 3 && !sign)) {
      return true;
    }
    List<String> words = TextForms.words(folded);
    return words.size() == 1 && commonWords.contains(words.get(0));
  }

  /**
   * True when the name holds a known brand's name as whole words: "Apple Store" is Apple's own
   * shop.
   */
  static boolean namesKnownBrand(String name, List<List<String>> knownWords) {
    List<String> words = TextForms.words(TextForms.fold(name).toLowerCase(Locale.ROOT));
    for (List<String> k : knownWords) {
      for (int i = 0; i + k.size() <= words.size(); i++) {
        if (words.subList(i, i + k.size()).equals(k)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Parses the retail TSV, skipping brands whose id or name is already known and names (or aliases)
   * that are {@linkplain #ordinaryWord ordinary words}.
   */
  public static List<Brand> fromRetailTsv(
      String file,
      String text,
      Set<String> knownIds,
      Set<String> knownNames,
      Set<String> commonWords) {
    List<Row> rows = rows(file, text, TSV);
    if (rows.isEmpty()
        || rows.get(0).line() != 1
        || rows.get(0).fields().size() < 3
        || !rows.get(0).fields().subList(0, 3).equals(List.of("brand", "wikidata", "category"))) {
      throw new ConfigException(
          file, 1, 1, "header must start with: brand, wikidata, category (tab-separated)");
    }
    Map<String, Brand> out = new LinkedHashMap<>();
    Set<String> names = new java.util.HashSet<>();
    knownNames.forEach(n -> names.add(TextForms.fold(n)));
    List<List<String>> knownWords =
        knownNames.stream()
            .map(n -> TextForms.words(TextForms.fold(n).toLowerCase(Locale.ROOT)))
            .filter(w -> !w.isEmpty())
            .toList();
    for (Row row : rows.subList(1, rows.size())) {
      String[] f = row.fields().toArray(String[]::new);
      if (f.length < 3) {
        throw new ConfigException(file, row.line(), 0, "expected at least 3 tab-separated columns");
      }
      String name = f[0].strip();
      if (TextForms.words(name).isEmpty()
          || ordinaryWord(name, commonWords)
          || namesKnownBrand(name, knownWords)
          || !names.add(TextForms.fold(name))) {
        continue; // no words, an ordinary word, a known brand's own shop, or a brand the catalog
        // has under this name
      }
      String base = slug(name);
      if (base.isEmpty()) {
        base = "brand";
      }
      String id = base;
      for (int n = 2; knownIds.contains(id) || out.containsKey(id); n++) {
        id = base + "-" + n;
      }
      List<String> aliases = new ArrayList<>();
      if (f.length > 4) {
        for (String a : f[4].split(";")) {
          String alias = a.strip();
          if (!alias.isEmpty()
              && !TextForms.words(alias).isEmpty()
              && !ordinaryWord(alias, commonWords)
              && names.add(TextForms.fold(alias))) {
            aliases.add(alias);
          }
        }
      }
      String category = f[2].isBlank() ? "retail" : f[2].strip();
      out.put(
          id,
          new Brand(id, name, category, aliases, List.of(), Map.of(), List.of(), List.of(), false));
    }
    return List.copyOf(out.values());
  }

  private static final com.ibm.icu.text.Transliterator TO_LATIN =
      com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII");

  /** "Tiffany & Co." -> "tiffany-co"; other scripts transliterated, accents folded. */
  public static synchronized String slug(String name) {
    String s =
        TextForms.fold(TO_LATIN.transliterate(name))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }

  private static long price(String file, int line, String column, String v) {
    if (v.isBlank()) {
      return 0;
    }
    try {
      long p = Long.parseLong(v.strip().replace("_", ""));
      if (p < 0) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          file, line, 0, column + " must be a whole number of VND, got '" + v + "'");
    }
  }

  private static String blankToNull(String s) {
    return s.isBlank() ? null : s.strip();
  }

  /** One parsed record and the 1-based line it starts on. */
  private record Row(int line, List<String> fields) {}

  private static final List<String> CSV_HEADER_COLUMNS = List.of(CSV_HEADER.split(","));
  private static final CsvMapper MAPPER =
      new CsvMapper(); // no columns in the schema: each record is an array

  /** RFC 4180: commas, double quotes doubled inside quoted fields (which may hold line breaks). */
  private static final CsvSchema CSV = CsvSchema.emptySchema();

  /** name-suggestion-index's TSV has no quoting: a {@code "} in a name is part of the name. */
  private static final CsvSchema TSV =
      CsvSchema.emptySchema().withColumnSeparator('\t').withoutQuoteChar();

  /**
   * Reads every record with jackson-dataformat-csv: fields stripped (and a byte-order mark
   * dropped), records that are all blank skipped. Malformed input (an unclosed quote) is a
   * ConfigException at the line where the parser stopped.
   */
  private static List<Row> rows(String file, String text, CsvSchema schema) {
    String clean = text.replace("\uFEFF", "");
    List<Row> rows = new ArrayList<>();
    long recordEnd = 0; // char offset after the last whole record: a bad record starts after it
    try (JsonParser p = MAPPER.reader(schema).createParser(clean)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.START_ARRAY) {
          continue;
        }
        int line =
            0; // where the record's first field starts (START_ARRAY is placed before the line is
        // read)
        List<String> fields = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (fields.isEmpty()) {
            line = p.currentTokenLocation().getLineNr();
          }
          fields.add(p.getString().strip());
        }
        recordEnd = Math.max(0, p.currentLocation().getCharOffset());
        if (fields.stream().anyMatch(f -> !f.isEmpty())) {
          rows.add(new Row(line, List.copyOf(fields)));
        }
      }
    } catch (JacksonException e) {
      // A quoted field may span lines, so the parser stops at the end of the text: name the
      // record's first line.
      String what = e.getOriginalMessage().lines().findFirst().orElse("malformed");
      throw new ConfigException(
          file,
          firstLineAfter(clean, recordEnd),
          0,
          what.contains("quote") ? "unclosed quote" : what);
    }
    return rows;
  }

  /** The 1-based line of the first non-blank character at or after {@code offset}. */
  private static int firstLineAfter(String text, long offset) {
    int at = (int) Math.min(offset, text.length());
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static final class Builder {
    final String id;
    final int firstLine;
    String name;
    String category;
    final Set<String> aliases = new LinkedHashSet<>();
    final Map<String, Long> prices = new HashMap<>();
    final List<ProductLine> lines = new ArrayList<>();
    final List<OfficialStore> stores = new ArrayList<>();

    Builder(String id, int firstLine) {
      this.id = id;
      this.firstLine = firstLine;
    }

    void set(String file, int line, String column, String value) {
      if (value.isBlank()) {
        return;
      }
      String before = column.equals("name") ? name : category;
      if (before != null && !before.equals(value)) {
        throw new ConfigException(
            file,
            line,
            0,
            "brand '"
                + id
                + "' "
                + column
                + " '"
                + value
                + "' differs from '"
                + before
                + "' given before");
      }
      if (column.equals("name")) {
        name = value;
      } else {
        category = value;
      }
    }

    Brand build() {
      return new Brand(
          id,
          name,
          category == null ? "other" : category,
          List.copyOf(aliases),
          List.of(),
          prices,
          lines,
          stores,
          null);
    }
  }
}
