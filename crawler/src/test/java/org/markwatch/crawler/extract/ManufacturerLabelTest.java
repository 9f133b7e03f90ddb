package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * The maker named under a manufacturer label ("Výrobca", "Hãng sản xuất") and the Vietnamese code
 * labels ("Mã SKU", "Mã") are the page's brand and sku, and the same words elsewhere are not.
 */
class ManufacturerLabelTest {
  @Test
  void aSlovakManufacturerLabelNamesTheBrand() {
    String html =
        """
        <html lang="sk"><body><h1>Počítač All in One 27"</h1>
        <div class="price"><span>s DPH</span> <span>5263,20 €</span></div><button>Do košíka</button>
        <div class="info"><span>Výrobca</span> <a href="/v/9">Apple</a></div>
        <div>Produktové číslo: MQ2Y2SL/A</div></body></html>""";
    Listing l = Extraction.extract(TestPages.html("https://pc.example.sk/p/1", html)).get(0);
    assertThat(l.brandClaimed()).isEqualTo("Apple");
  }

  @Test
  void aVietnamesePageGivesMakerCodeAndDongPrices() {
    String html =
        """
        <html lang="vi"><body>
        <div class="filter"><span>Hãng</span> <a href="/c?h=xiaomi">Xiaomi</a></div>
        <h1>Điện thoại Galaxy A55 5G 8GB/128GB</h1>
        <div class="product-price"><span class="price-new">1.190.000 ₫</span>
          <del class="price-old">1.490.000 ₫</del></div>
        <a class="btn" href="/cart/add/77">Mua ngay</a>
        <table><tr><td>Hãng sản xuất</td><td>Samsung</td></tr>
        <tr><td>Mã SKU:</td><td>SM-A556E</td></tr></table>
        <p>Mã giảm giá: GIAM50K</p></body></html>""";
    Listing l = Extraction.extract(TestPages.html("https://dt.example.vn/galaxy-a55", html)).get(0);
    assertThat(l.brandClaimed()).isEqualTo("Samsung");
    assertThat(l.attributes().get("sku")).isEqualTo("SM-A556E");
    assertThat(l.price().amount()).isEqualByComparingTo("1190000");
    assertThat(l.price().currency()).isEqualTo("VND");
    assertThat(l.listPrice().amount()).isEqualByComparingTo("1490000");
  }

  @Test
  void aDiscountCodeIsNoProductCode() {
    String html =
        """
        <html lang="vi"><body><h1>Nồi chiên không dầu 5L</h1>
        <div class="price">890.000đ</div><button>Thêm vào giỏ hàng</button>
        <p>Mã giảm giá: GIAM50K</p><p>Mã: NC-5L-2024</p></body></html>""";
    Listing l = Extraction.extract(TestPages.html("https://gd.example.vn/noi-chien", html)).get(0);
    assertThat(l.attributes().get("sku")).isEqualTo("NC-5L-2024");
    assertThat(l.price().amount()).isEqualByComparingTo("890000");
  }
}
