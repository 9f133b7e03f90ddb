package org.markwatch.crawler.extract.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlIdGuesserTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "https://www.ebay.com/itm/302474151804|302474151804",
        "https://www.amazon.de/dp/B00BRMIU7A|B00BRMIU7A",
        "https://shop.example/store/122725?pid=260591|260591",
        "https://shop.example/massivholz-regal-p400105394.html|400105394",
        "https://shop.example/boote/c5780a200532255/lattenrost-140-cm.html|200532255",
        "https://shop.example/kitchen/TalleR_TR_1047-1609583.html|1609583",
        "https://shop.example/pchome24h/M67296549.htm?pc=promo|M67296549",
        "https://shop.example/san-pham/ao-thun-i98765.html|98765",
        "https://shop.example/sportna-ocala/potapljaska-maska|-",
      })
  void idFromTheUrlWhenThePageRepeatsIt(String url, String id) {
    String page =
        id == null
            ? "<html></html>"
            : "<html data-id=\"" + id + "\"><a href=\"/x/" + id + "\">x</a></html>";
    assertThat(UrlIdGuesser.guess(url, page)).isEqualTo(id);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.ebay.com/itm/302474151804",
        "https://shop.example/p/2024-sale-99887766",
      })
  void aTokenThePageNeverMentionsIsNoId(String url) {
    assertThat(UrlIdGuesser.guess(url, "<html><body>nothing here</body></html>")).isNull();
  }
}
