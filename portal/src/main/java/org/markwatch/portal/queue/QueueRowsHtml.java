package org.markwatch.portal.queue;

import java.util.List;
import java.util.Locale;
import org.markwatch.portal.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;
import org.unbescape.uri.UriEscape;

/**
 * The queue table's rows, written here rather than by the template: the 50 rows of a page are about
 * 750 template expressions, and evaluating them was most of a queue page's CPU on the
 * million-listing bench (async-profiler: Thymeleaf about 45 % of the portal's samples, SpEL
 * property reads and their access checks most of that). The markup is the template's as it was
 * ({@code tr.item[data-listing]}, {@code a.open}, the bulk checkbox; {@code portal.js} and the
 * browser tests read it), and every value is escaped as {@code th:text} escapes it (unbescape's
 * {@code escapeHtml4Xml}, what Thymeleaf calls), link parameters as {@code @{...}} encodes them:
 * scraped titles and seller names are hostile text and never become markup.
 */
@Component
class QueueRowsHtml {
  private final Formats fmt;
  private final MessageSource messages;

  QueueRowsHtml(Formats fmt, MessageSource messages) {
    this.fmt = fmt;
    this.messages = messages;
  }

  /** The {@code <tr>} elements of these rows, for a page served under {@code contextPath}. */
  String render(List<QueueRow> rows, String contextPath) {
    Locale locale = LocaleContextHolder.getLocale();
    String overdue = esc(messages.getMessage("sla.overdue", null, "overdue", locale));
    StringBuilder out = new StringBuilder(rows.size() * 1_100).append('\n');
    for (QueueRow row : rows) {
      String id = esc(row.listingId());
      out.append("    <tr class=\"item\" data-listing=\"").append(id).append("\">\n");
      out.append("      <td><input type=\"checkbox\" name=\"ids\" form=\"bulk\" value=\"")
          .append(id)
          .append("\" aria-label=\"")
          .append(id)
          .append("\"></td>\n");
      cell(out, "num", fmt.score(row.score()));
      out.append("      <td><a class=\"open\" href=\"")
          .append(link(contextPath, "/listing", row.listingId()))
          .append("\">")
          .append(esc(row.title() != null ? row.title() : row.listingId()))
          .append("</a></td>\n");
      cell(out, null, row.platform());
      out.append("      <td>");
      if (row.sellerId() != null) {
        out.append("<a href=\"")
            .append(link(contextPath, "/seller", row.sellerId()))
            .append("\">")
            .append(esc(row.sellerName() != null ? row.sellerName() : row.sellerId()))
            .append("</a>");
      }
      out.append("</td>\n");
      cell(out, null, row.province());
      cell(out, "num", fmt.money(row.priceAmount(), row.priceCurrency()));
      out.append("      <td>");
      for (String v : row.violations()) {
        out.append("<span class=\"tag\">").append(esc(fmt.violation(v))).append("</span>");
      }
      out.append("</td>\n");
      cell(out, null, String.join(", ", row.brands()));
      cell(out, "num", fmt.time(row.observedAt()));
      cell(
          out,
          null,
          messages.getMessage("state." + row.state(), null, "state." + row.state(), locale));
      boolean late = row.overdue();
      out.append(late ? "      <td class=\"num overdue\">" : "      <td class=\"num\">")
          .append("<span>")
          .append(row.dueAt() == null ? "—" : esc(fmt.time(row.dueAt())))
          .append("</span>");
      if (late) {
        out.append("\n        <strong class=\"tag overdue\">").append(overdue).append("</strong>");
      }
      out.append("</td>\n");
      cell(out, null, row.assignee() != null ? row.assignee() : "—");
      out.append("    </tr>\n");
    }
    return out.toString();
  }

  private static void cell(StringBuilder out, String cssClass, String text) {
    out.append(cssClass == null ? "      <td>" : "      <td class=\"" + cssClass + "\">")
        .append(esc(text))
        .append("</td>\n");
  }

  /** {@code @{/path(id=value)}}: the context path, the path, the id as an encoded query value. */
  private static String link(String contextPath, String path, String id) {
    return esc(contextPath + path + "?id=" + UriEscape.escapeUriQueryParam(id));
  }

  private static String esc(String s) {
    return s == null ? "" : HtmlEscape.escapeHtml4Xml(s);
  }
}
