package org.markwatch.crawler.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markwatch.crawler.extract.Extraction;
import org.markwatch.crawler.extract.Page;
import org.markwatch.crawler.extract.SiteProfile;
import org.markwatch.model.Listing;

class TextHygieneTest {
  private static final Charset CP1258 = Charset.forName("windows-1258");
  // windows-1258 writes Vietnamese with base letters and combining tone marks: ê + U+0323 for ệ.
  private static final String VIET_1258_FORM =
      "Vi\u00ea\u0323t Nam ha\u0300ng chi\u0301nh ha\u0303ng";
  private static final String VIET_NFC = "Việt Nam hàng chính hãng";

  private static Listing extract(byte[] body, Map<String, List<String>> headers) {
    Page page =
        new Page(
            "https://shop.example/p",
            200,
            headers,
            body,
            null,
            null,
            "2026-11-24T00:00:00Z",
            null,
            null);
    List<Listing> l = Extraction.extract(page);
    assertThat(l).hasSize(1);
    return l.get(0);
  }

  private static byte[] html(String title, Charset cs, String meta) {
    // A price meta tag makes the page a product page (a page with a title only shows no product).
    return ("<html><head>"
            + meta
            + "<title>"
            + title
            + "</title><meta property=\"product:price:amount\" content=\"1\">"
            + "</head><body></body></html>")
        .getBytes(cs);
  }

  @Test
  void windows1258FromHttpHeaderIsComposedToNfc() {
    byte[] body = html(VIET_1258_FORM, CP1258, "");
    Listing l = extract(body, Map.of("Content-Type", List.of("text/html; charset=windows-1258")));
    assertThat(l.title()).isEqualTo(VIET_NFC);
    assertThat(Normalizer.isNormalized(l.title(), Normalizer.Form.NFC)).isTrue();
  }

  @Test
  void windows1258FromMetaTag() {
    byte[] body =
        html(
            VIET_1258_FORM,
            CP1258,
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">");
    assertThat(extract(body, Map.of()).title()).isEqualTo(VIET_NFC);
  }

  @Test
  void utf8MislabelledAsLatin1IsReadAsUtf8() {
    byte[] body = html(VIET_NFC, StandardCharsets.UTF_8, "<meta charset=\"iso-8859-1\">");
    assertThat(
            extract(body, Map.of("content-type", List.of("text/html; charset=ISO-8859-1"))).title())
        .isEqualTo(VIET_NFC);
  }

  @Test
  void byteOrderMarkWinsOverHeader() {
    byte[] text = html(VIET_NFC, StandardCharsets.UTF_8, "");
    byte[] body = new byte[text.length + 3];
    body[0] = (byte) 0xEF;
    body[1] = (byte) 0xBB;
    body[2] = (byte) 0xBF;
    System.arraycopy(text, 0, body, 3, text.length);
    assertThat(
            extract(body, Map.of("Content-Type", List.of("text/html; charset=windows-1252")))
                .title())
        .isEqualTo(VIET_NFC);
  }

  @Test
  void decomposedUtf8IsComposed() {
    String nfd = Normalizer.normalize(VIET_NFC, Normalizer.Form.NFD);
    assertThat(nfd).isNotEqualTo(VIET_NFC);
    assertThat(extract(html(nfd, StandardCharsets.UTF_8, ""), Map.of()).title())
        .isEqualTo(VIET_NFC);
  }

  @Test
  void latin1WithoutLabelFallsBackToWindows1252() {
    byte[] body = html("Caf\u00e9 cr\u00e8me \u20ac", Charset.forName("windows-1252"), "");
    assertThat(extract(body, Map.of()).title()).isEqualTo("Café crème €");
  }

  @Test
  void entitiesAreDecodedAndScriptsAndStylesNeverLeak() {
    SiteProfile profile =
        SiteProfile.parse(
            "t.yaml",
            """
        platform: t
        kind: post
        item: article
        fields:
          text: '.body'
        """);
    String html =
        "<html><body><article><div class=\"body\">Gi&aacute; 450k &amp; freeship &#7879;"
            + "<script>var phone='0912345678'; document.write('hidden')</script>"
            + "<style>.x{content:'0987654321'}</style><noscript>bật JavaScript</noscript> hết</div></article></body></html>";
    Page page =
        new Page(
            "https://t.example/feed",
            200,
            Map.of(),
            null,
            html,
            "t",
            "2026-11-24T00:00:00Z",
            null,
            profile);
    Listing l = Extraction.extract(page).get(0);
    assertThat(l.text())
        .startsWith("Giá 450k & freeship ệ")
        .doesNotContain("var phone", "document.write", ".x{")
        .endsWith("hết");
    assertThat(l.contacts()).isNull();
  }
}
