package org.markwatch.crawler.extract;

import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.markwatch.crawler.extract.html.HtmlDecoder;
import org.markwatch.crawler.extract.text.AsciiDigits;

/**
 * A page's bytes (or rendered DOM) to a jsoup document, bounded at {@link
 * Extraction#MAX_BODY_BYTES}; a binary body is refused with a problem, not parsed.
 */
final class PageParser {
  private static final int MAX_BODY_BYTES = Extraction.MAX_BODY_BYTES;

  private PageParser() {}

  /** A parsed page and the source text it was parsed from. */
  record Parsed(Document doc, String html) {}

  static Parsed parse(Page page, List<String> problems) {
    String html;
    if (page.renderedHtml() != null) {
      html = page.renderedHtml();
    } else {
      byte[] body = page.body() == null ? new byte[0] : page.body();
      if (looksBinary(body)) {
        problems.add(page.url() + ": body is not HTML (binary content), nothing extracted");
        return null;
      }
      if (body.length > MAX_BODY_BYTES) {
        problems.add(page.url() + ": body of " + body.length + " bytes cut to " + MAX_BODY_BYTES);
        body = Arrays.copyOf(body, MAX_BODY_BYTES);
      }
      html = HtmlDecoder.decode(body, page.headers()).text();
    }
    if (html.length() > MAX_BODY_BYTES) {
      problems.add(
          page.url() + ": document of " + html.length() + " characters cut to " + MAX_BODY_BYTES);
      html = html.substring(0, MAX_BODY_BYTES);
    }
    // Every reader after this one reads ASCII digits ("١٬٢٤٩" is "1,249").
    html = AsciiDigits.fold(html);
    Parser parser = Parser.htmlParser();
    return new Parsed(Jsoup.parse(html, page.url(), parser), html);
  }

  /** NUL bytes or many control bytes in the first 4 KiB: an image, an archive, a PDF. */
  static boolean looksBinary(byte[] body) {
    int n = Math.min(body.length, 4096);
    if (n >= 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
      return true;
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xFF;
      if (b == 0) {
        // UTF-16 text has NULs too, but starts with a byte-order mark.
        boolean bom = n >= 2 && ((body[0] & 0xFF) == 0xFE || (body[0] & 0xFF) == 0xFF);
        if (!bom) {
          return true;
        }
      }
      if (b < 0x09 || (b > 0x0D && b < 0x20)) {
        control++;
      }
    }
    return n > 0 && control * 10 > n;
  }
}
