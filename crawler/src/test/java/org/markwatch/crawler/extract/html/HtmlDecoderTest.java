package org.markwatch.crawler.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Charset choice for pages: labels win, valid UTF-8 stays UTF-8, unlabelled pages are guessed by
 * ICU4J.
 */
class HtmlDecoderTest {
  private static final String VIETNAMESE =
      "Điện thoại chính hãng giá rẻ, bảo hành mười hai tháng tại cửa hàng. "
          + "Sản phẩm được nhập khẩu trực tiếp, có hóa đơn đầy đủ và giao hàng miễn phí trong nội thành. "
          + "Quý khách vui lòng liên hệ để được tư vấn thêm về các mẫu mới nhất.";
  private static final String FRENCH =
      "Crème brûlée à la française, café noir et pâtisseries fraîches. "
          + "Livraison gratuite à partir de cinquante euros, paiement sécurisé, satisfaction garantie à 100 % — prix 12 €.";
  private static final String PORTUGUESE =
      "Não perca as promoções: informações sobre preços, condições e opções de "
          + "pagamento estão disponíveis. São produtos originais com garantia e atenção ao cliente.";
  private static final String ITALIAN =
      "Perché il caffè è così buono? Può darsi che sia la qualità del prodotto, "
          + "però la città è famosa anche per la pasticceria. Più di cento negozi ne vendono.";

  private static byte[] page(String text, Charset charset) {
    String body = charset.name().equals("windows-1258") ? windows1258Form(text) : text;
    return ("<!DOCTYPE html><html><head><title>Shop</title></head><body><div class=\"product\"><p>"
            + body
            + "</p></div></body></html>")
        .getBytes(charset);
  }

  /**
   * windows-1258 has ê, ơ, ă ... precomposed but writes the five tone marks as combining
   * characters.
   */
  private static String windows1258Form(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      String nfd = Normalizer.normalize(String.valueOf(text.charAt(i)), Normalizer.Form.NFD);
      StringBuilder base = new StringBuilder();
      StringBuilder tones = new StringBuilder();
      for (char c : nfd.toCharArray()) {
        (TONE_MARKS.indexOf(c) >= 0 ? tones : base).append(c);
      }
      out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
    }
    return out.toString();
  }

  private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

  private static String paragraph(HtmlDecoder.Decoded d) {
    String t = d.text();
    return t.substring(t.indexOf("<p>") + 3, t.indexOf("</p>"));
  }

  @Test
  void unlabelledWindows1258VietnameseIsRecognised() {
    Charset cp1258 = Charset.forName("windows-1258");
    byte[] bytes = page(VIETNAMESE, cp1258);
    assertThat(Normalizer.normalize(new String(bytes, cp1258), Normalizer.Form.NFC))
        .contains(VIETNAMESE); // encodable
    HtmlDecoder.Decoded d = HtmlDecoder.decode(bytes, Map.of());
    assertThat(d.charset()).isEqualTo("windows-1258");
    assertThat(paragraph(d)).isEqualTo(VIETNAMESE);
  }

  @Test
  void unlabelledWindows1252FrenchIsRecognised() {
    HtmlDecoder.Decoded d = HtmlDecoder.decode(page(FRENCH, Charset.forName("windows-1252")), null);
    assertThat(d.charset()).isEqualTo("windows-1252");
    assertThat(paragraph(d)).isEqualTo(FRENCH);
  }

  @Test
  void unlabelledIso88591PortugueseIsNotTakenForVietnamese() {
    // ã and õ are ă and ơ in windows-1258: a Portuguese page must not flip.
    HtmlDecoder.Decoded d =
        HtmlDecoder.decode(page(PORTUGUESE, StandardCharsets.ISO_8859_1), Map.of());
    assertThat(d.charset()).isEqualTo("windows-1252");
    assertThat(paragraph(d)).isEqualTo(PORTUGUESE);
  }

  @Test
  void unlabelledItalianIsNotTakenForVietnamese() {
    // ò and ì are combining tone marks in windows-1258.
    HtmlDecoder.Decoded d =
        HtmlDecoder.decode(page(ITALIAN, Charset.forName("windows-1252")), Map.of());
    assertThat(paragraph(d)).isEqualTo(ITALIAN);
  }

  @Test
  void unlabelledCyrillicIsGuessed() {
    String russian =
        "Оригинальные товары с гарантией качества, доставка по всей стране и оплата при получении заказа.";
    HtmlDecoder.Decoded d =
        HtmlDecoder.decode(page(russian, Charset.forName("windows-1251")), Map.of());
    assertThat(d.charset()).isEqualTo("windows-1251");
    assertThat(paragraph(d)).isEqualTo(russian);
  }

  @Test
  void declaredCharsetWinsOverTheGuess() {
    // Vietnamese bytes labelled ISO-8859-2 are read as labelled, not as ICU would guess.
    byte[] bytes = page(VIETNAMESE, Charset.forName("windows-1258"));
    HtmlDecoder.Decoded d =
        HtmlDecoder.decode(bytes, Map.of("Content-Type", List.of("text/html; charset=ISO-8859-2")));
    assertThat(d.charset()).isEqualTo("ISO-8859-2");
  }

  @Test
  void validUtf8StaysUtf8() {
    HtmlDecoder.Decoded d = HtmlDecoder.decode(page(VIETNAMESE, StandardCharsets.UTF_8), Map.of());
    assertThat(d.charset()).isEqualTo("UTF-8");
    assertThat(paragraph(d)).isEqualTo(VIETNAMESE);
  }
}
