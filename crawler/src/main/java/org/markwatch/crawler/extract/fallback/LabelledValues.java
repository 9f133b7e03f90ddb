package org.markwatch.crawler.extract.fallback;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.html.Texts;
import org.markwatch.crawler.extract.html.WrittenLines;

/**
 * Values shown next to a label on the page, as in "Product code: 141677", "Brand | Casio" in a
 * table, or {@code <dt>EAN</dt><dd>5018479061991</dd>}. The first value found for each label wins;
 * labels are known in English, Vietnamese and the main European languages.
 */
public final class LabelledValues {
  /** What a label names. */
  public enum Kind {
    SKU,
    BRAND,
    GTIN,
    MPN
  }

  private static final Map<Kind, Pattern> LABELS = new EnumMap<>(Kind.class);
  private static final int MAX_TEXT_NODES = 200_000;
  private static final Pattern NO_BRAND =
      Pattern.compile(
          "(?iu)không thương hiệu|không có thương hiệu|không có|no brand|nobrand|no-brand|unbranded|generic|không rõ"
              + "|khác|other|n/?a|none|-");

  static {
    // "Article no." is no label here: a set's page lists each of its parts' numbers under it.
    LABELS.put(
        Kind.SKU,
        codeLabel(
            "sku|product code|product no\\.?|product number|item code|item number|item no\\.?|item #"
                + "|article number|article #|art\\.?-?\\s?nr\\.?|artikelnummer|artikel-nr\\.?|référence|réf\\.?|ref\\.?|código|cód\\.?|codice"
                + "|codice articolo|codice prodotto|cod\\.? articolo|código de artículo|código del producto|código do produto"
                + "|référence produit|numéro d'article|n° d'article|numero articolo|número de artículo|artikelcode|productcode"
                + "|mã sản phẩm|mã sp|mã hàng|mã sku|mã|kod produktu|kód produktu|katalógové číslo|numer katalogowy|артикул|код товара|код товару|код продукту"
                + "|tootekood|artikkelnummer|artikkelnr\\.?|artikelnumret|artikkel|artikelnr\\.?|varenummer|varenr\\.?|tuotenumero|tuotekoodi|cikkszám|termékkód|kod|"
                + "ürün kodu|κωδικός|商品編號|商品编号|品號|货号|商品番号|상품번호|prekės kodas|preces kods"
                // German shop systems' "Produktnummer"/"Bestellnummer" and the Japanese "品番"
                // (item number) and "商品コード" (product code).
                + "|produktnummer|bestellnummer|artikel-nummer|品番|商品コード"
                // The South Slavic "code" (šifra artikla, šifra proizvoda).
                + "|šifra|šifra artikla|šifra proizvoda|šifra izdelka"
                // Turkish "stock code" and the Portuguese reference.
                + "|stok kodu|referência|referencia"
                // Odoo's "Internal Reference" (its product code field) in its translations.
                + "|internal reference|referencia interna|référence interne|riferimento interno"
                + "|interne referenz|interne referentie|referência interna"
                // Korean "product code" and "model name/number".
                + "|상품코드|상품 코드|품번"
                // Persian, Arabic, Thai, Indonesian/Malay and Romanian product codes.
                + "|کد کالا|کد محصول|شناسه کالا|رمز المنتج|رقم المنتج|رمز الصنف|รหัสสินค้า|kode produk|kode barang|cod produs"));
    LABELS.put(
        Kind.BRAND,
        label(
            "brand|brand name|product brand|marque|marque du produit|marca|marca del producto|marca do produto|marke|hersteller|thương hiệu|merk|značka|marka|бренд"
                + "|производитель|manufacturer|manufactured by|fabricant|producent|výrobce|kaubamärk|tootja|zīmols|ražotājs|prekės ženklas"
                + "|gamintojas|merkki|valmistaja|märke|varumärke|tillverkare|mærke|merke|produsent|fabrikant|fabricante"
                + "|márka|gyártó|marcă|producător|μάρκα|κατασκευαστής|ブランド|メーカー|品牌|廠牌|브랜드|nhà sản xuất"
                // The manufacturer label in the languages the list had only in part: Slovak beside
                // Czech, Croatian/Serbian, and the Vietnamese "hãng" (maker) forms.
                + "|výrobca|proizvođač|proizvodjač|hãng|hãng sản xuất|thương hiệu sản phẩm"
                // Persian, Arabic, Thai and Indonesian/Malay.
                + "|برند|العلامة التجارية|الماركة|ยี่ห้อ|แบรนด์|merek|jenama"
                // Hebrew brand and maker.
                + "|מותג|יצרן"));
    LABELS.put(
        Kind.GTIN,
        codeLabel(
            "ean|ean-?13|ean code|ean-?nummer|code ean|code-?barres?|code ean13|codice ean|codice a barre"
                + "|código ean|gtin|gtin-?13|upc|upc code|barcode|bar code|isbn|isbn-?13|mã vạch|код ean"
                + "|streckkod|stregkode|strekkode|čárový kód|kod kreskowy|kod ean|vonalkód"
                // Japan's article number is an EAN-13 called JAN.
                + "|jan|jan-?code|janコード|jan コード|barkod|código de barras|ברקוד"));
    LABELS.put(
        Kind.MPN,
        label(
            "mpn|model|model number|model no\\.?|part number|manufacturer part number|mfr part"
                + "|modell|modèle|modelo|modello|mã model"
                + "|herstellernummer|hersteller-artikelnummer|kod producenta|型番"));
  }

  /**
   * Cheap test before the regular expressions (they are case-insensitive Unicode alternations of
   * some 150 labels, and ran on every short text of a page): a label is short, few words, and a
   * text without a separator (":", "#") can only be a bare label, of at most {@value
   * #MAX_BARE_LABEL} characters.
   */
  static boolean mayBeLabel(String text) {
    int len = text.length();
    if (len < 2 || len > 100) {
      return false;
    }
    int spaces = 0;
    boolean separator = false;
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c == ' ' && ++spaces > 12) {
        return false;
      }
      separator |= c == ':' || c == '#' || c == '：';
    }
    return separator || text.strip().length() <= MAX_BARE_LABEL;
  }

  /** The longest label alone ("manufacturer part number" and a final dot), with a margin. */
  private static final int MAX_BARE_LABEL = 40;

  /**
   * What may come before a label: spaces, a separator when labels share a line ("Brand: X | Code:
   * Y"), or a bullet or emoji as social posts write them ("🏷️ Mã SP: AK2231").
   */
  private static final String LEAD =
      "\\s*(?:[|·•/]\\s*)?(?:[\\p{So}\\p{Sk}\\x{FE0F}\\x{200D}✓✔➤►▶-]{1,6}\\s*)?";

  private static Pattern label(String alternatives) {
    // The label alone ("SKU:"), or the label and its value in one text ("SKU: 12345"); a
    // separator may come first when labels share a line ("Brand: X | Code: Y").
    return Pattern.compile(
        "(?iu)^"
            + LEAD
            + "(?:"
            + alternatives
            + ")(?!\\p{L})\\s*(?:[:#：]\\s*(.{0,80}?)|[.]?)\\s*$");
  }

  /**
   * A code's label, also followed by its value after a space alone ("SKU 00174", "EAN
   * 4006381333931"): one token of 3 to 40 characters with a digit in it.
   */
  private static Pattern codeLabel(String alternatives) {
    // A label in the page's own words may name the code in parentheses: "رمز المنتج (SKU):",
    // "Mã sản phẩm (SKU):".
    return Pattern.compile(
        "(?iu)^"
            + LEAD
            + NUMBER_WORD
            + "(?:(?:"
            + alternatives
            // The shop's own name for the code may follow in parentheses: "Item Number (DPCI)".
            + ")(?!\\p{L})(?:\\s*\\([\\p{L}\\s]{2,12}\\))?|[^:()\\d]{1,30}\\((?:"
            + alternatives
            + ")\\))\\s*(?:[:#：]\\s*(.{0,80}?)|\\s(?=\\S*\\d)(\\S{3,40})|[.]?)\\s*$");
  }

  /**
   * A word for "number" that some languages put before a code's name: "No. SKU", "Nomor SKU", "Nr.
   * EAN", "N° EAN".
   */
  private static final String NUMBER_WORD =
      "(?:(?:no\\.|nr\\.|n°|nº|nomor|numer|número|numéro)\\s*)?";

  /** A word alone that introduces the value after it ("by X", "von X", "par X"). */
  private static final Pattern CONNECTIVE =
      Pattern.compile("(?iu)by|from|von|par|door|av|af|od|przez|bởi|от");

  private LabelledValues() {}

  /** The values found under {@code root}, by kind. */
  public static Map<Kind, String> find(Element root) {
    return find(root, null);
  }

  /**
   * The values found under {@code root}, by kind. {@code heading} (nullable) is the page's own
   * heading: the blocks that hold it hold the product, whatever their class says (a theme's
   * "product-details__sidebar" column with the title, price and labels in it).
   */
  public static Map<Kind, String> find(Element root, Element heading) {
    Set<Element> productBox = PageHints.ancestors(heading);
    Map<Kind, String> out = new EnumMap<>(Kind.class);
    int[] seen = {0};
    NodeTraversor.filter(
        new org.jsoup.select.NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e
                && (e.normalName().equals("script")
                    || e.normalName().equals("style")
                    || e.normalName().equals("noscript")
                    || e.normalName().equals("template")
                    || e.normalName().equals("svg"))) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (++seen[0] > MAX_TEXT_NODES || out.size() == Kind.values().length) {
              return FilterResult.STOP;
            }
            if (node instanceof TextNode t && !t.isBlank()) {
              // A caption typed with line breaks holds one label per line.
              for (String text : WrittenLines.of(t)) {
                if (text.length() <= 100 && mayBeLabel(text)) {
                  // Labels sharing a line ("Negro | Ref. 2753/310", "Brand: X · SKU: Y"): each
                  // part with its value, before the whole line.
                  String[] parts =
                      text.indexOf('|') >= 0 || text.indexOf('·') >= 0 || text.indexOf('•') >= 0
                          ? SHARED_LINE.split(text)
                          : null;
                  if (parts != null && parts.length > 1) {
                    for (String part : parts) {
                      visit(t, part.strip(), out, productBox, true);
                    }
                  }
                  visit(t, text, out, productBox, false);
                }
              }
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        root);
    return out;
  }

  private static final Pattern NOT_THE_PRODUCT =
      Pattern.compile(
          "(?i)filter|facet|refine|sidebar|menu|navigation|breadcrumb|related|recommend|similar|carousel|search");

  /** Labels in navigation, filters and lists of other products describe something else. */
  private static boolean outsideProduct(Node n, Set<Element> productBox) {
    int depth = 0;
    for (Element p = n.parentNode() instanceof Element e ? e : null;
        p != null && depth < 12;
        p = p.parent(), depth++) {
      if (productBox.contains(p)) {
        return false;
      }
      String tag = p.normalName();
      if (tag.equals("nav")
          // A side column, not an <aside> used as a cell of a spec row ("Hãng sản xuất:" | X).
          || tag.equals("aside") && Texts.bounded(p, MAX_CELL_CHARS) == null
          || tag.equals("footer")
          || tag.equals("header")
          || tag.equals("select")
          || tag.equals("option")
          || tag.equals("button")) {
        return true;
      }
      if (NOT_THE_PRODUCT.matcher(p.className()).find() || NOT_THE_PRODUCT.matcher(p.id()).find()) {
        return true;
      }
    }
    return false;
  }

  private static final Evaluator LINK = Css.of("a[href]");

  /** Characters an {@code <aside>} holds at most when it is a cell, not a side column. */
  private static final int MAX_CELL_CHARS = 80;

  /** A code followed by a remark in parentheses or after a dash. */
  private static final Pattern CODE_THEN_REMARK =
      Pattern.compile("(\\S{3,40})\\s+(?:\\(|[-–—]\\s).*");

  /** What separates labels written on one line. */
  private static final Pattern SHARED_LINE = Pattern.compile("\\s+[|·•]\\s+");

  /**
   * Reads a label and its value from {@code nodeText}; {@code inline}: only a value written in the
   * text itself counts (a part of a shared line has no "following" text of its own).
   */
  private static void visit(
      TextNode t, String nodeText, Map<Kind, String> out, Set<Element> productBox, boolean inline) {
    String text = nodeText.replace('\u00a0', ' ');
    if (text.length() > 100) {
      return;
    }
    boolean checkedPlace = false;
    for (Map.Entry<Kind, Pattern> e : LABELS.entrySet()) {
      if (out.containsKey(e.getKey())) {
        continue;
      }
      Matcher m = e.getValue().matcher(text);
      if (!m.matches()) {
        continue;
      }
      if (!checkedPlace) {
        if (outsideProduct(t, productBox)) {
          return;
        }
        checkedPlace = true;
      }
      // "EAN: 5018479061991." ends a sentence: the full stop is no part of the value.
      String written = m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : null;
      String value = written == null ? "" : written.strip().replaceFirst("[.,;]+$", "");
      if (value.isEmpty()) {
        if (inline) {
          continue;
        }
        if (t.parent() != null && t.parent().closest(LINK) != null) {
          return; // a menu's "Thương hiệu" link names a page of brands, not this product's
        }
        value = following(t);
      }
      if (value != null && !plausible(e.getKey(), value) && e.getKey() != Kind.BRAND) {
        // "Mã vạch: 3760269841239 (check thoải mái nha)": the code, then a remark.
        Matcher first = CODE_THEN_REMARK.matcher(value);
        if (first.matches()) {
          value = first.group(1);
        }
      }
      if (value != null && plausible(e.getKey(), value)) {
        out.put(e.getKey(), value);
      }
    }
  }

  /** The text after a bare label: the next text within the same row, cell pair or definition. */
  private static String following(TextNode t) {
    Node n = t;
    int steps = 0;
    // Walk forward in document order, leaving the label's own element.
    while (steps++ < 12) {
      Node next = n.nextSibling();
      while (next == null && n.parent() != null && steps++ < 12) {
        n = n.parent();
        next = n.nextSibling();
      }
      if (next == null) {
        return null;
      }
      n = next;
      String text =
          next instanceof TextNode tn ? tn.text() : next instanceof Element el ? el.text() : "";
      text = text.replace('\u00a0', ' ').strip().replaceFirst("^[:#：]\\s*", "");
      if (CONNECTIVE.matcher(text).matches()) {
        // "Brand: by <a>Maker</a>": the word joins the label to the value and is none.
        continue;
      }
      if (!text.isEmpty()) {
        return text.length() > 80 ? null : text;
      }
    }
    return null;
  }

  private static boolean plausible(Kind kind, String v) {
    return switch (kind) {
      case SKU, MPN ->
          v.length() <= 40
              // A code has a digit, or is written in capitals joined by separators
              // ("VT-AERO-M-BLK").
              && (v.matches(".*\\d.*") || v.matches("[A-Z][A-Z0-9]*(?:[-_./][A-Z0-9]+)+"))
              && !v.contains("  ")
              && v.split("\\s+").length <= 3;
      case GTIN -> v.replaceAll("[\\s-]", "").matches("\\d{8,14}");
      // "Brand: none" in a spec table claims no brand (a structured "No Brand" is kept as
      // declared).
      case BRAND ->
          v.length() <= 50
              && !v.matches(".*\\d{5,}.*")
              && v.split("\\s+").length <= 5
              && !NO_BRAND.matcher(v).matches();
    };
  }
}
