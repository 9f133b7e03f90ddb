package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * A row of other products is told by its shape, whatever language its heading is in; a tile of a
 * picker beside the chosen one is another variant; a container's own price follows its old price; a
 * bare percent is a badge when two prices differ by it; the barcode printed under its label beats
 * markup that describes another variant; a text price class named "header" is no page header.
 */
class OtherProductsAndTilesTest {
  private static Listing one(String url, String html) {
    List<Listing> out = Extraction.extract(TestPages.html(url, html));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private static String cards(String... namePrice) {
    StringBuilder sb = new StringBuilder("<h2>Barang lain dari toko ini</h2><ul class='x8f2'>");
    for (int i = 0; i < namePrice.length; i += 2) {
      sb.append("<li class='x9k1'><a href='/p/")
          .append(i)
          .append("'><img src='/i/")
          .append(i)
          .append(".jpg' alt=''><p>")
          .append(namePrice[i])
          .append("</p></a><p class='card-price'>")
          .append(namePrice[i + 1])
          .append("</p></li>");
    }
    return sb.append("</ul>").toString();
  }

  @Test
  void pricesInARowOfOtherProductsAreNotThePageSPriceWhateverTheHeadingSays() {
    String page =
        "<html lang='id'><head><title>Blender Kaca 2L</title></head><body>"
            + "<h1>Blender Kaca 2L</h1><div class='main-price'><div><s>Rp749.000</s></div>"
            + "<div class='t2'><b>Rp629.000</b></div></div>"
            + "<button>Beli Sekarang</button>"
            + cards("Mixer 7 Speed", "Rp159.000", "Juicer", "Rp899.000", "Chopper", "Rp149.000")
            + "</body></html>";

    Listing l = one("https://toko.example/p/blender", page);

    assertThat(l.price().amount()).isEqualByComparingTo("629000");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("749000");
  }

  @Test
  void markupForAnotherVariantShownOnlyInAPickerTileOrACardGivesWayToTheShownPrice() {
    String page =
        "<html lang='en-CA'><head><title>Salt Letters</title>"
            + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Book\","
            + "\"name\":\"Salt Letters\",\"isbn\":\"9780306406157\",\"offers\":{\"@type\":\"Offer\","
            + "\"price\":\"22.99\",\"priceCurrency\":\"CAD\"}}</script></head><body>"
            + "<h1>Salt Letters</h1><div class='formats'>"
            + "<a class='format-tile format-tile--selected' href='/b/hc'>Hardcover <span>$27.96</span></a>"
            + "<a class='format-tile' href='/b/pb'>Paperback <span>$22.99</span></a></div>"
            + "<div class='pdp-price'><span class='sale'>$27.96</span> <s>$34.95</s></div>"
            + "<button>Add to cart</button>"
            + "<dl><dt>ISBN</dt><dd>9781861972712</dd></dl>"
            + "</body></html>";

    Listing l = one("https://books.example/en-ca/salt-letters/hc", page);

    assertThat(l.price().amount()).isEqualByComparingTo("27.96");
    assertThat(l.price().currency()).isEqualTo("CAD");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("34.95");
    assertThat(l.attributes()).containsEntry("gtin", "9781861972712");
  }

  @Test
  void aContainersOwnPriceAfterItsOldPriceChildIsThePrice() {
    String page =
        "<html lang='de'><head><title>Espresso 500 g</title></head><body><h1>Espresso 500 g</h1>"
            + "<div class='current-price-container'><span class='productOldPrice'>UVP 16,90 EUR</span>"
            + "<br>Nur 14,90 EUR</div><p>inkl. MwSt.</p><button>In den Warenkorb</button></body></html>";

    Listing l = one("https://kaffee.example/espresso", page);

    assertThat(l.price().amount()).isEqualByComparingTo("14.90");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("16.90");
  }

  @Test
  void aBarePercentBesideTwoPricesThatDifferByItIsADiscountBadge() {
    String page =
        "<html lang='ko'><head><title>트러커 재킷</title></head><body><h2>우븐 트러커 재킷</h2>"
            + "<div class='a1'><span class='b2'>129,000원</span><div class='c3'>"
            + "<span class='d4'>31%</span> <span class='e5'>89,000원</span></div></div>"
            + "<button>구매하기</button></body></html>";

    Listing l = one("https://shop.example/products/1", page);

    assertThat(l.price().amount()).isEqualByComparingTo("89000");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("129000");
  }

  @Test
  void aPriceStyledAsAHeaderBesideTheTitleMakesAProductPageNotAList() {
    String page =
        "<html lang='pt'><head><title>Lençóis de linho</title></head><body>"
            + "<h1 class='ui header'>Lençóis de linho</h1>"
            + "<div class='ui segment'><span class='ui small header'><del>149,00 €</del></span> "
            + "<span class='ui huge header' id='product-price'>119,00 €</span></div>"
            + "<button class='ui primary button'>Adicionar ao carrinho</button>"
            + "<h2>Também pode gostar</h2><div class='ui four cards'>"
            + "<div class='card'><a href='/p/a'><img src='/a.jpg' alt=''>Capa de edredão</a><span>129,00 €</span></div>"
            + "<div class='card'><a href='/p/b'><img src='/b.jpg' alt=''>Fronhas</a><span>32,00 €</span></div>"
            + "<div class='card'><a href='/p/c'><img src='/c.jpg' alt=''>Manta</a><span>74,00 €</span></div>"
            + "<div class='card'><a href='/p/d'><img src='/d.jpg' alt=''>Toalha</a><span>36,00 €</span></div>"
            + "</div></body></html>";

    Listing l = one("https://loja.example/pt/products/lencois", page);

    assertThat(l.price().amount()).isEqualByComparingTo("119.00");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("149.00");
  }
}
