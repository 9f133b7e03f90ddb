package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

class ExtractionStructuredDataTest {

  private static Listing only(Page page) {
    List<Listing> listings = Extraction.extract(page);
    assertThat(listings).hasSize(1);
    Listing l = listings.get(0);
    assertThat(JsonCodec.decodeListing(JsonCodec.encode(l)).errors())
        .as("valid listing/1")
        .isEmpty();
    return l;
  }

  @Test
  void jsonLdProductWithSellerOrganisation() {
    String html =
        """
        <html lang="vi"><head><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"Product","name":"Nước hoa Chanel N°5 100ml","sku":"CH-5-100",
         "gtin13":"3145891055207","mpn":"ROS5","brand":{"@type":"Brand","name":"Chanel"},
         "image":["/img/1.jpg",{"@type":"ImageObject","contentUrl":"https://cdn.example/2.jpg"}],
         "description":"Hàng chính hãng &amp; nguyên seal",
         "offers":{"@type":"Offer","price":"2450000","priceCurrency":"VND","availability":"https://schema.org/InStock",
           "seller":{"@type":"Organization","name":"Shop Hương Thơm","url":"https://chosi.example/shop/77",
             "taxID":"0312345673","telephone":"0283 123 4567","email":"lienhe@huongthom.vn",
             "address":{"@type":"PostalAddress","streetAddress":"12 Lê Lợi","addressLocality":"Quận 1","addressRegion":"TP. Hồ Chí Minh"}}}}
        </script></head><body><h1>ignored heading</h1></body></html>""";
    Listing l =
        only(
            TestPages.withProfile(
                "https://chosi.example/p/1234/nuoc-hoa-chanel", html, TestPages.profile("chosi")));
    assertThat(l.id()).isEqualTo("chosi:1234");
    assertThat(l.title()).isEqualTo("Nước hoa Chanel N°5 100ml");
    assertThat(l.text()).isEqualTo("Hàng chính hãng & nguyên seal");
    assertThat(l.price().amount()).isEqualByComparingTo("2450000");
    assertThat(l.price().currency()).isEqualTo("VND");
    assertThat(l.brandClaimed()).isEqualTo("Chanel");
    assertThat(l.attributes())
        .containsEntry("sku", "CH-5-100")
        .containsEntry("gtin", "3145891055207")
        .containsEntry("mpn", "ROS5")
        .containsEntry("availability", "InStock")
        .containsEntry("extractedBy.price", "jsonld")
        .containsEntry("extractedBy.brand", "jsonld")
        .containsEntry("extractedBy.id", "url");
    assertThat(l.images())
        .extracting(i -> i.url())
        .containsExactly("https://chosi.example/img/1.jpg", "https://cdn.example/2.jpg");
    assertThat(l.seller().id()).isEqualTo("chosi:shop:77");
    assertThat(l.seller().name()).isEqualTo("Shop Hương Thơm");
    assertThat(l.seller().taxCode()).isEqualTo("0312345673");
    assertThat(l.seller().phones()).containsExactly("02831234567");
    assertThat(l.seller().emails()).containsExactly("lienhe@huongthom.vn");
    assertThat(l.seller().address()).isEqualTo("12 Lê Lợi, Quận 1, TP. Hồ Chí Minh");
    assertThat(l.seller().province()).isEqualTo("Hồ Chí Minh");
    assertThat(l.language()).isEqualTo("vi");
  }

  @Test
  void graphArraysAggregateOfferAndBreadcrumbs() {
    String html =
        """
        <html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Mua Bán"},
          {"@type":"BreadcrumbList","itemListElement":[
            {"@type":"ListItem","position":2,"name":"Điện thoại","item":"https://muaban.example/c/dt"},
            {"@type":"ListItem","position":1,"name":"Trang chủ","item":"https://muaban.example/"}]},
          {"@type":["Product","Thing"],"name":"iPhone 15 Pro","productID":"IP15P",
           "offers":{"@id":"#offer"}},
          {"@type":"AggregateOffer","@id":"#offer","lowPrice":"24.990.000","highPrice":"29990000","priceCurrency":"VND"}]}
        </script></head><body></body></html>""";
    Listing l =
        only(
            TestPages.withProfile(
                "https://muaban.example/san-pham/iphone-15-pro-i98765.html",
                html,
                TestPages.profile("muaban")));
    assertThat(l.id()).isEqualTo("muaban:98765");
    assertThat(l.price().amount()).isEqualByComparingTo("24990000");
    assertThat(l.category()).containsExactly("Trang chủ", "Điện thoại");
    assertThat(l.attributes()).containsEntry("sku", "IP15P");
  }

  @Test
  void brokenJsonLdIsRepaired() {
    String html =
        """
        <html><head><script type="application/ld+json">
        <!--
        {"@type":"Product", 'name':'Giày Nike AF1', // comment
         "description":"dòng 1
        dòng 2", "offers":[{"@type":"Offer","price":1500000,"priceCurrency":"VND",},],
         "brand":"Nike", "sku": "AF1-07"
        -->
        </script></head><body></body></html>""";
    Listing l = only(TestPages.html("https://shop.example/giay-nike", html));
    assertThat(l.title()).isEqualTo("Giày Nike AF1");
    assertThat(l.price().amount()).isEqualByComparingTo("1500000");
    assertThat(l.brandClaimed()).isEqualTo("Nike");
    assertThat(l.attributes()).containsEntry("sku", "AF1-07");
    assertThat(l.id()).isEqualTo("web:AF1-07");
  }

  @Test
  void microdataOnlyPage() {
    String html =
        """
        <html lang="vi"><body>
        <div itemscope itemtype="https://schema.org/Product">
          <h1 itemprop="name">Túi xách Gucci Marmont</h1>
          <meta itemprop="sku" content="GG-443497">
          <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Gucci</span></div>
          <img itemprop="image" src="/img/gucci.jpg">
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
            <span itemprop="price" content="5200000">5.200.000₫</span><meta itemprop="priceCurrency" content="VND">
            <link itemprop="availability" href="https://schema.org/InStock">
            <div itemprop="seller" itemscope itemtype="https://schema.org/Organization">
              <a itemprop="url" href="/shop/12"><span itemprop="name">Shop Túi Đẹp</span></a>
            </div>
          </div>
        </div></body></html>""";
    Listing l =
        only(
            TestPages.withProfile(
                "http://127.0.0.1:9000/p/555/tui-gucci", html, TestPages.profile("chosi")));
    assertThat(l.id()).isEqualTo("chosi:555");
    assertThat(l.title()).isEqualTo("Túi xách Gucci Marmont");
    assertThat(l.price().amount()).isEqualByComparingTo("5200000");
    assertThat(l.brandClaimed()).isEqualTo("Gucci");
    assertThat(l.attributes())
        .containsEntry("sku", "GG-443497")
        .containsEntry("extractedBy.price", "microdata");
    assertThat(l.images())
        .extracting(i -> i.url())
        .containsExactly("http://127.0.0.1:9000/img/gucci.jpg");
    assertThat(l.seller().id()).isEqualTo("chosi:shop:12");
    assertThat(l.seller().name()).isEqualTo("Shop Túi Đẹp");
  }

  @Test
  void openGraphAndProductMetaTags() {
    String html =
        """
        <html><head>
        <meta property="og:title" content="Son MAC Ruby Woo">
        <meta property="og:description" content="Son lì chính hãng">
        <meta property="og:image" content="https://cdn.example/mac.jpg">
        <meta property="product:price:amount" content="450000">
        <meta property="product:price:currency" content="VND">
        <meta property="product:brand" content="MAC">
        <link rel="canonical" href="https://shop.example/son-mac-ruby-woo">
        </head><body><h1>Son MAC</h1></body></html>""";
    Listing l = only(TestPages.html("https://shop.example/son-mac-ruby-woo?utm=x", html));
    assertThat(l.title()).isEqualTo("Son MAC Ruby Woo");
    assertThat(l.price().amount()).isEqualByComparingTo("450000");
    assertThat(l.price().currency()).isEqualTo("VND");
    assertThat(l.brandClaimed()).isEqualTo("MAC");
    assertThat(l.canonicalUrl()).isEqualTo("https://shop.example/son-mac-ruby-woo");
    assertThat(l.attributes())
        .containsEntry("extractedBy.title", "meta")
        .containsEntry("extractedBy.id", "hash");
    assertThat(l.id()).matches("web:u[0-9a-f]{16}");
    // The id hashes the canonical URL, so it is stable across tracking parameters.
    assertThat(only(TestPages.html("https://shop.example/son-mac-ruby-woo?utm=y", html)).id())
        .isEqualTo(l.id());
  }

  @Test
  void appStateAndFallbackPrice() {
    String html =
        """
        <html lang="en-US"><head><title>Widget 3000 | Gadget Store</title>
        <script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"product":
          {"id":"W3000","name":"Widget 3000","brand":{"name":"Acme"},"sku":"W3000","price":{"value":19.5},"currency":"USD"}}}}</script>
        </head><body><h1>Widget 3000</h1></body></html>""";
    Listing l = only(TestPages.html("https://acme.example/p/W3000", html));
    assertThat(l.brandClaimed()).isEqualTo("Acme");
    assertThat(l.price().amount()).isEqualByComparingTo("19.5");
    assertThat(l.price().currency()).isEqualTo("USD");
    assertThat(l.attributes())
        .containsEntry("extractedBy.price", "appstate")
        .containsEntry("sku", "W3000");

    String plain =
        """
        <html lang="de-DE"><body><header><span class="price">9,99 €</span></header>
        <nav aria-label="Breadcrumb"><ol><li><a href="/">Start</a></li><li><a href="/kueche">Küche</a></li>
        <li>Kaffeemaschine Deluxe</li></ol></nav>
        <h1>Kaffeemaschine Deluxe</h1><div class="product-price"><del class="old-price">149,00 €</del>
        <span class="price sale">99,95 €</span></div><button class="add-to-cart">In den Warenkorb</button>
        <section class="related"><span class="price">19,99 €</span></section></body></html>""";
    Listing p = only(TestPages.html("https://laden.example/kaffeemaschine", plain));
    assertThat(p.price().amount()).isEqualByComparingTo("99.95");
    assertThat(p.price().currency()).isEqualTo("EUR");
    assertThat(p.attributes())
        .containsEntry("extractedBy.price", "fallback")
        .containsEntry("extractedBy.listPrice", "fallback");
    assertThat(p.listPrice().amount()).isEqualByComparingTo("149.00");
    assertThat(p.category()).containsExactly("Start", "Küche");
    assertThat(p.language()).isEqualTo("de-DE");
  }

  @Test
  void sellerPageWithDecree52Information() {
    String html =
        """
        <html><body><h1>Cửa hàng Minh Anh</h1>
        <p>Công ty TNHH Minh Anh - MST: 0312345673 - Giấy chứng nhận đăng ký kinh doanh số 0312345673 do Sở KH&amp;ĐT TP.HCM cấp</p>
        <p>Địa chỉ: 45 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh</p><p>Hotline: 0909 123 456 - Email: cskh@minhanh.vn</p>
        </body></html>""";
    Page page =
        TestPages.withProfile(
            "http://127.0.0.1:9000/cua-hang/31", html, TestPages.profile("muaban"));
    var seller = Extraction.seller(page).orElseThrow();
    assertThat(seller.id()).isEqualTo("muaban:shop:31");
    assertThat(seller.name()).isEqualTo("Cửa hàng Minh Anh");
    assertThat(seller.taxCode()).isEqualTo("0312345673");
    assertThat(seller.businessRegistration()).isEqualTo("0312345673");
    assertThat(seller.address()).isEqualTo("45 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh");
    assertThat(seller.phones()).containsExactly("0909123456");
    assertThat(seller.emails()).containsExactly("cskh@minhanh.vn");
    assertThat(seller.province()).isEqualTo("Hồ Chí Minh");
  }

  @Test
  void itemListPageGivesOneListingPerProduct() {
    String html =
        """
        <html lang="vi"><head><script type="application/ld+json">
        {"@type":"ItemList","itemListElement":[
          {"@type":"ListItem","position":1,"item":{"@type":"Product","name":"Áo A","url":"/p/11/ao-a",
            "offers":{"@type":"Offer","price":"100000","priceCurrency":"VND"}}},
          {"@type":"ListItem","position":2,"item":{"@type":"Product","name":"Áo B","url":"/p/12/ao-b",
            "offers":{"@type":"Offer","price":"120000","priceCurrency":"VND"}}}]}
        </script></head><body></body></html>""";
    List<Listing> listings =
        Extraction.extract(
            TestPages.withProfile(
                "http://127.0.0.1:9000/c/ao?page=2", html, TestPages.profile("chosi")));
    assertThat(listings).extracting(Listing::id).containsExactly("chosi:11", "chosi:12");
    assertThat(listings)
        .extracting(Listing::url)
        .containsExactly("http://127.0.0.1:9000/p/11/ao-a", "http://127.0.0.1:9000/p/12/ao-b");
    assertThat(listings.get(1).price().amount()).isEqualByComparingTo("120000");
  }

  @Test
  void productPageWithRelatedItemListStaysOneListing() {
    String html =
        """
        <html><head><script type="application/ld+json">
        [{"@type":"Product","name":"Main","sku":"M1","offers":{"price":"5","priceCurrency":"USD"}},
         {"@type":"ItemList","itemListElement":[{"@type":"Product","name":"R1"},{"@type":"Product","name":"R2"}]}]
        </script></head><body></body></html>""";
    assertThat(Extraction.extract(TestPages.html("https://shop.example/main", html)))
        .extracting(Listing::title)
        .containsExactly("Main");
  }

  @Test
  void rdfaLiteProduct() {
    String html =
        """
        <html><body><div vocab="https://schema.org/" typeof="Product">
          <h1 property="name">Đồng hồ Casio</h1><span property="brand" typeof="Brand"><span property="name">Casio</span></span>
          <div property="offers" typeof="Offer"><span property="price" content="1250000">1.250.000 ₫</span>
          <meta property="priceCurrency" content="VND"></div></div></body></html>""";
    Listing l = only(TestPages.html("https://shop.example/casio", html));
    assertThat(l.brandClaimed()).isEqualTo("Casio");
    assertThat(l.price().amount()).isEqualByComparingTo("1250000");
    assertThat(l.attributes()).containsEntry("extractedBy.price", "microdata");
  }

  @Test
  void appStateFromAssignmentsAndAnalyticsCalls() {
    String initial =
        """
        <html><head><title>Loa JBL Flip 6</title><script>
        window.__INITIAL_STATE__ = {"cart":{"items":[]},"pdp":{"product":{"productId":"88123","name":"Loa JBL Flip 6",
          "brand":"JBL","salePrice":"2.490.000","currency":"VND","ean":"6925281995262"}}};
        if (a == {}) { x(); }
        </script></head><body><h1>Loa JBL Flip 6</h1></body></html>""";
    Listing l = only(TestPages.html("https://shop.example/loa-jbl-flip-6-88123", initial));
    assertThat(l.brandClaimed()).isEqualTo("JBL");
    assertThat(l.price().amount()).isEqualByComparingTo("2490000");
    assertThat(l.attributes())
        .containsEntry("gtin", "6925281995262")
        .containsEntry("extractedBy.brand", "appstate");

    String analytics =
        """
        <html><head><title>Kem chống nắng</title><script>
        dataLayer.push({"event":"view_item","ecommerce":{"currencyCode":"VND","detail":{"products":[
          {"id":"KCN-50","name":"Kem chống nắng","price":"315000","brand":"Anessa"}]}}});
        fbq('track', 'ViewContent', {content_ids: ['KCN-50'], value: 315000, currency: 'VND'});
        </script></head><body><h1>Kem chống nắng</h1></body></html>""";
    Listing a = only(TestPages.html("https://shop.example/p/KCN-50", analytics));
    assertThat(a.brandClaimed()).isEqualTo("Anessa");
    assertThat(a.price().amount()).isEqualByComparingTo("315000");
    assertThat(a.price().currency()).isEqualTo("VND");
  }
}
