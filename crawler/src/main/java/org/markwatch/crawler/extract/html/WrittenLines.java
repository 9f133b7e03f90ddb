package org.markwatch.crawler.extract.html;

import java.util.regex.Pattern;
import org.jsoup.nodes.TextNode;

/**
 * Line breaks a writer typed inside one text, shown as such by a {@code white-space: pre-wrap}
 * style (video descriptions, captions): "💰 Giá: 3 triệu 5\n📌 Thương hiệu: Castellane". Told from
 * the line breaks of the page's source, which only format it, by what surrounds them: a written
 * break sits between two non-blank characters, a formatting one is followed by indentation or by
 * nothing.
 */
public final class WrittenLines {
  private static final Pattern WRITTEN_BREAK = Pattern.compile("\\S[ \\t]*\\n(?=\\S)");

  private WrittenLines() {}

  /** Whether {@code t} holds line breaks its writer typed. */
  public static boolean has(TextNode t) {
    String whole = t.getWholeText();
    return whole.indexOf('\n') >= 0 && WRITTEN_BREAK.matcher(whole).find();
  }

  /** The lines of {@code t} (blank ones dropped, whitespace collapsed), or its one line. */
  public static String[] of(TextNode t) {
    if (!has(t)) {
      return new String[] {t.text()};
    }
    return t.getWholeText()
        .replace('\u00a0', ' ')
        .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
        .strip()
        .split(" ?\\n[\\n ]*");
  }
}
