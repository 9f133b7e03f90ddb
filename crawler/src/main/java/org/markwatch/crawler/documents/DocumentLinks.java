package org.markwatch.crawler.documents;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Links from a listing's page to documents (catalogues, certificates, scans of papers): {@code
 * a[href]} whose path ends in a document file type, or whose {@code type} attribute names one.
 * Images shown on the page are not documents (they are the listing's images); an image file that is
 * linked to (a scan of a certificate) is. Pure.
 */
public final class DocumentLinks {
  private static final Pattern DOCUMENT_PATH =
      Pattern.compile(
          "(?i).*\\.(pdf|docx?|odt|rtf|xlsx?|ods|pptx?|odp|txt|zip|jpe?g|png|tiff?|webp)$");
  private static final Pattern DOCUMENT_TYPE =
      Pattern.compile(
          "(?i)application/(pdf|msword|rtf|zip|vnd\\.(openxmlformats|oasis|ms-excel|ms-powerpoint).*)|image/.*");

  private DocumentLinks() {}

  /**
   * Absolute http(s) URLs of documents linked inside {@code page} (a page, or one element of it
   * such as a feed's post), in page order, at most {@code max}.
   */
  public static List<String> find(Element page, int max) {
    Set<String> out = new LinkedHashSet<>();
    for (Element a : page.select("a[href]")) {
      if (out.size() >= max) {
        break;
      }
      if (a.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
        continue;
      }
      String abs = a.absUrl("href");
      if (!(abs.startsWith("http://") || abs.startsWith("https://"))) {
        continue;
      }
      String path;
      try {
        path = URI.create(abs.replace(" ", "%20")).getPath();
      } catch (IllegalArgumentException e) {
        continue;
      }
      if ((path != null && DOCUMENT_PATH.matcher(path).matches())
          || DOCUMENT_TYPE.matcher(a.attr("type")).matches()) {
        int hash = abs.indexOf('#');
        out.add(hash < 0 ? abs : abs.substring(0, hash));
      }
    }
    return List.copyOf(out);
  }

  /** The file name at the end of the URL's path (helps Tika tell the type), or null. */
  public static String fileName(String url) {
    try {
      String path = URI.create(url).getPath();
      if (path == null || path.endsWith("/")) {
        return null;
      }
      return path.substring(path.lastIndexOf('/') + 1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
