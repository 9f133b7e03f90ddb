package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.markwatch.model.Seller;

/**
 * Seller (shop) pages: the seller record with the Decree 52 business information and the shop's
 * figures.
 */
class SellerPageTest {
  @Test
  void vietnameseShopPageGivesTheWholeSellerRecord() {
    String html =
        """
        <html lang="vi"><head><title>Shop Mỹ Phẩm Sài Gòn</title></head><body>
        <div class="shop-header"><h1>Shop Mỹ Phẩm Sài Gòn</h1> <span class="badge badge-mall">Mall</span>
        <ul><li>Đánh giá: 4,8 / 5</li><li>Người theo dõi: 12,3k</li><li>Sản phẩm: 1.250</li><li>Tham gia: 03/2019</li></ul></div>
        <section><h2>Thông tin người bán</h2><dl>
        <dt>Mã số thuế</dt><dd>Mã số thuế: 0312345673</dd>
        <dd>GPKD số: 41N8012345 do UBND Quận 1 cấp</dd>
        <dd>Địa chỉ: 45 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh</dd>
        <dd>Hotline 0909 123 456 - Zalo 0987.654.321</dd><dd>Email: cskh@mypham-sg.vn</dd></dl></section>
        </body></html>""";

    Seller s =
        Extraction.seller(TestPages.html("https://shop.example.vn/shop/42", html)).orElseThrow();

    assertThat(s.name()).isEqualTo("Shop Mỹ Phẩm Sài Gòn");
    assertThat(s.url()).isEqualTo("https://shop.example.vn/shop/42");
    assertThat(s.taxCode()).isEqualTo("0312345673");
    assertThat(s.businessRegistration()).isEqualTo("41N8012345");
    assertThat(s.address()).isEqualTo("45 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh");
    assertThat(s.province()).isEqualTo("Hồ Chí Minh");
    assertThat(s.phones()).contains("0909123456", "0987654321");
    assertThat(s.zalo()).containsExactly("0987654321");
    assertThat(s.emails()).containsExactly("cskh@mypham-sg.vn");
    assertThat(s.verified()).isTrue();
    assertThat(s.rating()).isEqualTo(4.8);
    assertThat(s.followers()).isEqualTo(12_300L);
    assertThat(s.listingsCount()).isEqualTo(1_250L);
    assertThat(s.joinedAt()).isEqualTo("2019-03-01T00:00:00Z");
  }

  @Test
  void schemaOrgShopInAMergedProvinceWithRelativeJoiningDate() {
    String html =
        """
        <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Store",
        "name":"Gia Dụng Bình Dương","url":"https://shop.example.vn/shop/7","telephone":"0274 3822 123",
        "address":{"@type":"PostalAddress","streetAddress":"KCN Sóng Thần, Dĩ An","addressRegion":"Bình Dương"}}
        </script></head><body><h1>Gia Dụng Bình Dương</h1><p>Joined 3 years ago · 980 followers</p></body></html>""";

    Seller s =
        Extraction.seller(TestPages.html("https://shop.example.vn/shop/7", html)).orElseThrow();

    assertThat(s.name()).isEqualTo("Gia Dụng Bình Dương");
    assertThat(s.province()).isEqualTo("Hồ Chí Minh");
    assertThat(s.followers()).isEqualTo(980L);
    assertThat(s.joinedAt()).isEqualTo("2023-01-01T00:00:00Z");
    assertThat(s.verified()).isNull();
    assertThat(s.taxCode()).isNull();
  }
}
