package org.markwatch.portal.listing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A listing's price over its observations as an inline SVG drawn on the server: no script, no CDN,
 * nothing the CSP has to allow. Only numbers reach the markup (coordinates and the formatted price
 * labels built from BigDecimals), never scraped text.
 */
public final class PriceChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 200;
  private static final int PAD_LEFT = 90;
  private static final int PAD = 20;

  /** One observed price. */
  public record Point(Instant at, BigDecimal price) {}

  private PriceChart() {}

  /** The SVG for the points (oldest first); an empty string when fewer than one has a price. */
  public static String svg(
      List<Point> points, java.util.function.Function<BigDecimal, String> label) {
    List<Point> priced = points.stream().filter(p -> p.price() != null && p.at() != null).toList();
    if (priced.isEmpty()) {
      return "";
    }
    long t0 = priced.getFirst().at().toEpochMilli();
    long t1 = priced.getLast().at().toEpochMilli();
    double min = priced.stream().mapToDouble(p -> p.price().doubleValue()).min().orElse(0);
    double max = priced.stream().mapToDouble(p -> p.price().doubleValue()).max().orElse(0);
    if (max == min) {
      max = min + Math.max(1, Math.abs(min) * 0.1);
      min = Math.max(0, min - Math.abs(min) * 0.1);
    }
    List<String> xy = new ArrayList<>();
    StringBuilder dots = new StringBuilder();
    for (Point p : priced) {
      double x =
          t1 == t0
              ? PAD_LEFT + (WIDTH - PAD_LEFT - PAD) / 2.0
              : PAD_LEFT
                  + (p.at().toEpochMilli() - t0) * (double) (WIDTH - PAD_LEFT - PAD) / (t1 - t0);
      double y = HEIGHT - PAD - (p.price().doubleValue() - min) * (HEIGHT - 2 * PAD) / (max - min);
      xy.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
      dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>", x, y));
    }
    return String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\">"
            + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
            + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
            + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
            + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
            + "<polyline points=\"%s\"/>%s</svg>",
        WIDTH,
        HEIGHT,
        PAD_LEFT,
        PAD,
        PAD_LEFT,
        HEIGHT - PAD,
        PAD_LEFT,
        HEIGHT - PAD,
        WIDTH - PAD,
        HEIGHT - PAD,
        PAD_LEFT - 6,
        PAD + 4,
        escape(label.apply(BigDecimal.valueOf(max))),
        PAD_LEFT - 6,
        HEIGHT - PAD,
        escape(label.apply(BigDecimal.valueOf(min))),
        String.join(" ", xy),
        dots);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
