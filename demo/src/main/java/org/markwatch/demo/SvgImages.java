package org.markwatch.demo;

/** Small generated product pictures: a coloured card with a shape and a caption. */
final class SvgImages {
  private static final String[] COLOURS = {
    "#ee4d2d", "#1a94ff", "#26aa99", "#f5a623", "#8e44ad", "#2c3e50", "#e91e63", "#795548",
    "#00897b", "#5c6bc0"
  };

  private SvgImages() {}

  /** The picture named {@code name} (e.g. "21004567-2"); the same name always draws the same. */
  static String svg(String name, String caption) {
    int h = name.hashCode() & 0x7fffffff;
    String bg = COLOURS[h % COLOURS.length];
    String fg = COLOURS[(h / 7 + 3) % COLOURS.length];
    int cx = 80 + (h % 140);
    int r = 40 + (h / 13) % 50;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"320\" viewBox=\"0 0 320 320\">"
        + "<rect width=\"320\" height=\"320\" fill=\""
        + bg
        + "\"/>"
        + "<circle cx=\""
        + cx
        + "\" cy=\"140\" r=\""
        + r
        + "\" fill=\""
        + fg
        + "\" opacity=\"0.8\"/>"
        + "<rect x=\"20\" y=\"250\" width=\"280\" height=\"50\" rx=\"8\" fill=\"#ffffff\" opacity=\"0.85\"/>"
        + "<text x=\"160\" y=\"282\" font-family=\"sans-serif\" font-size=\"18\" text-anchor=\"middle\" fill=\"#333\">"
        + Html.esc(caption)
        + "</text></svg>\n";
  }
}
