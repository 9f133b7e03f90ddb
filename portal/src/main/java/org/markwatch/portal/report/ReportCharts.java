package org.markwatch.portal.report;

import java.util.List;
import java.util.Locale;
import org.markwatch.storage.report.Report;

/**
 * Charts of a report as SVG drawn on the server (no script, no style attribute: presentation
 * attributes only, so the portal's CSP allows them and openhtmltopdf draws them). Every label is
 * escaped by {@link ReportDocument#esc}.
 */
public final class ReportCharts {
  static final int WIDTH = 720;
  static final int HEIGHT = 220;
  static final int PAD_LEFT = 60;
  static final int PAD_BOTTOM = 40;
  static final String LISTINGS = "#9db7d5";
  static final String FLAGGED = "#c0392b";

  private ReportCharts() {}

  /** Listings and flagged listings per month: two bars per month, a scale on the left. */
  public static String trend(List<Report.Month> months, String listingsLabel, String flaggedLabel) {
    long max = 1;
    for (Report.Month m : months) {
      max = Math.max(max, m.listings());
    }
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\">");
    int plotW = WIDTH - PAD_LEFT - 10;
    int plotH = HEIGHT - PAD_BOTTOM - 20;
    int top = 20;
    b.append(line(PAD_LEFT, top + plotH, PAD_LEFT + plotW, top + plotH));
    b.append(text(PAD_LEFT - 6, top + 8, "end", Long.toString(max)));
    b.append(text(PAD_LEFT - 6, top + plotH, "end", "0"));
    int n = Math.max(1, months.size());
    double slot = plotW / (double) n;
    double bar = Math.max(1, slot * 0.38);
    int every = Math.max(1, (int) Math.ceil(n / 12.0));
    for (int i = 0; i < months.size(); i++) {
      Report.Month m = months.get(i);
      double x = PAD_LEFT + i * slot + slot * 0.1;
      double h1 = plotH * m.listings() / (double) max;
      double h2 = plotH * m.flagged() / (double) max;
      b.append(rect(x, top + plotH - h1, bar, h1, LISTINGS, m.month() + ": " + m.listings()));
      b.append(rect(x + bar, top + plotH - h2, bar, h2, FLAGGED, m.month() + ": " + m.flagged()));
      if (i % every == 0) {
        b.append(
            text(
                x + bar,
                top + plotH + 14,
                "middle",
                String.format(
                    Locale.ROOT, "%02d/%d", m.month().getMonthValue(), m.month().getYear())));
      }
    }
    int ly = HEIGHT - 8;
    b.append(rect(PAD_LEFT, ly - 9, 10, 10, LISTINGS, listingsLabel));
    b.append(text(PAD_LEFT + 14, ly, "start", listingsLabel));
    b.append(rect(PAD_LEFT + 200, ly - 9, 10, 10, FLAGGED, flaggedLabel));
    b.append(text(PAD_LEFT + 214, ly, "start", flaggedLabel));
    return b.append("</svg>").toString();
  }

  /** Horizontal bars of flagged listings per key (at most {@code limit} rows). */
  public static String bars(
      List<Report.Count> rows, java.util.function.Function<Report.Count, String> label, int limit) {
    List<Report.Count> shown = rows.stream().filter(r -> r.flagged() > 0).limit(limit).toList();
    if (shown.isEmpty()) {
      return "";
    }
    long max = Math.max(1, shown.stream().mapToLong(Report.Count::flagged).max().orElse(1));
    int rowH = 18;
    int labelW = 220;
    int height = shown.size() * rowH + 6;
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\">");
    int plotW = WIDTH - labelW - 70;
    for (int i = 0; i < shown.size(); i++) {
      Report.Count r = shown.get(i);
      int y = i * rowH + 3;
      String name = label.apply(r);
      if (name.length() > 34) {
        name = name.substring(0, 33) + "…";
      }
      b.append(text(labelW - 6, y + 12, "end", name));
      double w = plotW * r.flagged() / (double) max;
      b.append(rect(labelW, y, Math.max(1, w), rowH - 4, FLAGGED, name + ": " + r.flagged()));
      b.append(text(labelW + w + 4, y + 12, "start", Long.toString(r.flagged())));
    }
    return b.append("</svg>").toString();
  }

  private static String rect(double x, double y, double w, double h, String fill, String title) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
        x,
        y,
        w,
        h,
        fill,
        ReportDocument.esc(title));
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" stroke-width=\"1\"/>",
        x1,
        y1,
        x2,
        y2);
  }

  private static String text(double x, double y, String anchor, String s) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"#222\">%s</text>",
        x,
        y,
        anchor,
        ReportDocument.esc(s));
  }
}
