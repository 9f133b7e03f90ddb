package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Image;
import org.markwatch.model.Listing;

/** List pages (category, search, shop): one listing per product card, found by shape. */
class ListPageExtractionTest {
  private static final String URL = "https://shop.example.vn/danh-muc/my-pham?page=2";

  static String card(String cls, int id, String title, String price, String old) {
    return "<div class='"
        + cls
        + "'><a href='/sp/"
        + id
        + ".html'><img src='data:image/gif;base64,R0lGOD' "
        + "data-src='/anh/"
        + id
        + ".jpg'></a><h3><a href='/sp/"
        + id
        + ".html'>"
        + title
        + "</a></h3>"
        + "<div class='gia'><span class='gia-ban'>"
        + price
        + "</span>"
        + (old == null ? "" : " <del>" + old + "</del>")
        + "</div>"
        + "<button onclick='add("
        + id
        + ")'>Thêm vào giỏ</button></div>";
  }

  static final String HEAD =
      "<html lang='vi'><head><title>Mỹ phẩm chính hãng | Shop</title></head><body>";
  static final String NAV =
      "<header><nav class='menu'><ul>"
          + "<li><a href='/km'>Khuyến mãi 99.000 ₫</a></li><li><a href='/moi'>Hàng mới 199.000 ₫</a></li>"
          + "<li><a href='/hot'>Bán chạy 299.000 ₫</a></li></ul></nav>"
          + "<div class='mini-cart'><ul><li><a href='/sp/900.html'>Nước tẩy trang Bioderma</a> <span class='price'>350.000 ₫</span></li>"
          + "<li><a href='/sp/901.html'>Sữa rửa mặt Cetaphil</a> <span class='price'>250.000 ₫</span></li></ul></div></header>";

  @Test
  void vietnameseGridGivesOneListingPerCardWithSaleAndOldPrices() {
    String html =
        HEAD
            + NAV
            + "<h1>Mỹ phẩm</h1><div class='products'>"
            + card("item", 1, "Nước hoa Chanel No5 100ml", "1.190.000 ₫", "1.500.000 ₫")
            + card("item", 2, "Son Dior Rouge 999", "450.000đ", null)
            + card("item", 3, "Kem chống nắng Anessa 60ml", "390.000 ₫", "450.000 ₫")
            + card("item", 4, "Serum La Roche-Posay B5", "520.000 ₫", null)
            + "</div><footer><p>Giao hàng miễn phí cho đơn từ 300.000 ₫</p></footer></body></html>";

    ExtractionResult r = Extraction.run(TestPages.html(URL, html));

    assertThat(r.listings())
        .extracting(Listing::title)
        .containsExactly(
            "Nước hoa Chanel No5 100ml",
            "Son Dior Rouge 999",
            "Kem chống nắng Anessa 60ml",
            "Serum La Roche-Posay B5");
    Listing first = r.listings().get(0);
    assertThat(first.url()).isEqualTo("https://shop.example.vn/sp/1.html");
    assertThat(first.kind()).isEqualTo("product");
    assertThat(first.price().amount()).isEqualByComparingTo(new BigDecimal("1190000"));
    assertThat(first.price().currency()).isEqualTo("VND");
    assertThat(first.listPrice().amount()).isEqualByComparingTo(new BigDecimal("1500000"));
    assertThat(first.images())
        .extracting(Image::url)
        .containsExactly("https://shop.example.vn/anh/1.jpg");
    assertThat(first.attributes())
        .containsEntry(Extraction.OBSERVED_ON, URL)
        .containsEntry("listContext", "main");
    assertThat(r.listings().get(1).price().amount()).isEqualByComparingTo(new BigDecimal("450000"));
    assertThat(r.listings().get(1).listPrice()).isNull();
    assertThat(r.listings()).extracting(Listing::id).doesNotHaveDuplicates();
  }

  @Test
  void cardWithoutAPriceAmongPricedCardsIsAListingButABannerTileIsNot() {
    String contact =
        "<div class='item'><a href='/sp/5.html'><img src='/anh/5.jpg'></a><h3><a href='/sp/5.html'>"
            + "Máy lọc nước RO 10 lõi</a></h3><div class='gia'><span class='lien-he'>Liên hệ</span>"
            + "</div><button onclick='add(5)'>Thêm vào giỏ</button></div>";
    String banner =
        "<div class='item'><a href='/khuyen-mai'><p>Khuyến mãi tháng 12 – xem ngay</p></a></div>";
    String html =
        HEAD
            + "<h1>Thiết bị gia dụng</h1><div class='products'>"
            + card("item", 1, "Nồi chiên không dầu 6L", "1.190.000 ₫", "1.500.000 ₫")
            + card("item", 2, "Quạt đứng 5 cánh", "450.000 ₫", null)
            + contact
            + banner
            + card("item", 3, "Ấm siêu tốc 1,7L", "290.000 ₫", null)
            + card("item", 4, "Bàn ủi hơi nước", "520.000 ₫", null)
            + "</div></body></html>";

    ExtractionResult r = Extraction.run(TestPages.html(URL, html));

    assertThat(r.listings())
        .extracting(Listing::title)
        .containsExactly(
            "Nồi chiên không dầu 6L",
            "Quạt đứng 5 cánh",
            "Máy lọc nước RO 10 lõi",
            "Ấm siêu tốc 1,7L",
            "Bàn ủi hơi nước");
    assertThat(r.listings().get(2).price()).isNull();
    assertThat(r.listings().get(2).url()).isEqualTo("https://shop.example.vn/sp/5.html");
  }

  @Test
  void oldPriceStruckOnlyByThePagesStyleSheetIsTheListPrice() {
    String styled =
        "<html lang='vi'><head><style>.sp .gia-cu{color:#888;text-decoration:line-through}</style>"
            + "</head><body><h1>Giày thể thao</h1><ul class='ds'>";
    StringBuilder html = new StringBuilder(styled);
    for (int i = 1; i <= 3; i++) {
      html.append("<li class='sp'><a href='/sp/")
          .append(i)
          .append("'><img src='/a.jpg'><p class='ten'>Giày chạy bộ mẫu ")
          .append(i)
          .append("</p></a><p><span class='gia-cu'>")
          .append(i)
          .append(".500.000đ</span> <span class='gia-moi'>")
          .append(i)
          .append(".190.000đ</span></p></li>");
    }
    html.append("</ul></body></html>");

    ExtractionResult r = Extraction.run(TestPages.html(URL, html.toString()));

    assertThat(r.listings()).hasSize(3);
    assertThat(r.listings().get(1).price().amount())
        .isEqualByComparingTo(new BigDecimal("2190000"));
    assertThat(r.listings().get(1).listPrice().amount())
        .isEqualByComparingTo(new BigDecimal("2500000"));
  }

  @Test
  void gridNamedFilterByAnAjaxThemeGivesItsCardsButAFilterBlockOfPriceLinksDoesNot() {
    String html =
        HEAD
            + "<h1>Tất cả sản phẩm</h1><div class='filter-box'><ul class='filter'>"
            + "<li class='f'><a href='/loc?gia=1'>Bình gốm nhỏ</a> <span>100.000 ₫</span></li>"
            + "<li class='f'><a href='/loc?gia=2'>Bình gốm lớn</a> <span>500.000 ₫</span></li>"
            + "<li class='f'><a href='/loc?gia=3'>Bình gốm đại</a> <span>900.000 ₫</span></li>"
            + "</ul></div><div class='row filter-here'><div class='product-list filter'>"
            + card("pro", 1, "Bình hoa gốm men lam", "1.190.000 ₫", "1.490.000 ₫")
            + card("pro", 2, "Ấm chén Bát Tràng", "450.000 ₫", null)
            + card("pro", 3, "Đĩa sứ vẽ tay", "290.000 ₫", null)
            + "</div></div></body></html>";

    ExtractionResult r = Extraction.run(TestPages.html(URL, html));

    assertThat(r.listings())
        .extracting(Listing::title)
        .containsExactly("Bình hoa gốm men lam", "Ấm chén Bát Tràng", "Đĩa sứ vẽ tay");
  }

  @Test
  void thaiRegularPriceAndSavingsAndARangeUnderAWasNowBoxAndAWeightInArabic() {
    StringBuilder html =
        new StringBuilder(
            "<html lang='th'><head><title>ครีม</title></head><body><h1>ครีม</h1><div class='grid'>");
    for (int i = 1; i <= 3; i++) {
      html.append("<div class='productItem'><a href='/p/")
          .append(i)
          .append("'><img src='/a.jpg'><h3>เซรั่มวิตามินซี ")
          .append(i)
          .append("</h3></a><div class='productPrice'><div class='productPriceNormal'>")
          .append("<span class='label'>ราคาปกติ</span> <span class='value'>฿590.00</span></div>")
          .append("<div class='productPriceSale'><span class='label'>ราคาพิเศษ</span> ")
          .append("<span class='value'>฿390.00</span></div>")
          .append("<div class='productPriceSave'>ประหยัด ฿200.00</div></div></div>");
    }
    html.append("</div></body></html>");
    ExtractionResult thai =
        Extraction.run(TestPages.html("https://th.example/c/1", html.toString()));
    assertThat(thai.listings()).hasSize(3);
    assertThat(thai.listings().get(0).price().amount()).isEqualByComparingTo(new BigDecimal("390"));
    assertThat(thai.listings().get(0).listPrice().amount())
        .isEqualByComparingTo(new BigDecimal("590"));

    StringBuilder range =
        new StringBuilder(
            "<html><head><title>Tops</title></head><body><h1>Tops</h1><div class='grid'>");
    for (int i = 1; i <= 3; i++) {
      range
          .append("<div class='tile'><a href='/t/")
          .append(i)
          .append("'><img src='/a.jpg'></a><a class='link' href='/t/")
          .append(i)
          .append("'>Quarter Zip ")
          .append(i)
          .append("</a><div class='price'><span class='was-now'><span class='was'>Was <del>")
          .append("<span class='strike-through list'><span class='value'>$60.00</span> - ")
          .append(
              "<span class='value'>$80.00</span></span></del></span> <span class='now sales'>Now ")
          .append(
              "<span class='value'>$42.00</span> - <span class='value'>$56.00</span></span></span>")
          .append("</div></div>");
    }
    range.append("</div></body></html>");
    ExtractionResult tops =
        Extraction.run(TestPages.html("https://us.example/s", range.toString()));
    assertThat(tops.listings()).hasSize(3);
    assertThat(tops.listings().get(0).price().amount()).isEqualByComparingTo(new BigDecimal("42"));
    assertThat(tops.listings().get(0).listPrice().amount())
        .isEqualByComparingTo(new BigDecimal("60"));

    StringBuilder arabic =
        new StringBuilder(
            "<html lang='ar'><head><title>بخور</title></head><body><h1>بخور</h1><div class='g'>");
    for (int i = 1; i <= 3; i++) {
      arabic
          .append("<div class='card'><h3><a href='/p/")
          .append(i)
          .append("'>بخور معمول الورد ")
          .append(i)
          .append(
              "</a></h3><p class='sub'>علبة 50 جرام</p><div class='price'><h4>٦٥ <span>ر.س</span></h4>")
          .append("</div></div>");
    }
    arabic.append("</div></body></html>");
    ExtractionResult sa = Extraction.run(TestPages.html("https://sa.example/c", arabic.toString()));
    assertThat(sa.listings()).hasSize(3);
    assertThat(sa.listings().get(0).price().amount()).isEqualByComparingTo(new BigDecimal("65"));
    assertThat(sa.listings().get(0).price().currency()).isEqualTo("SAR");
  }

  @Test
  void anOverlayLinkIsTheCardsPageNotItsCartLinkAndAModelCodeIsNoPrice() {
    StringBuilder html =
        new StringBuilder(
            "<html lang='ru'><head><title>Кроссовки</title></head><body><h1>Кроссовки</h1><div class='list'>");
    for (int i = 1; i <= 3; i++) {
      html.append("<article class='product-card'><a class='card-link' href='/catalog/")
          .append(i)
          .append("/detail.aspx' aria-label='Кроссовки беговые ")
          .append(i)
          .append(
              "'></a><img src='/a.jpg'><p class='price'><ins>1 290 ₽</ins><del>3 490 ₽</del></p>")
          .append("<div class='sku-model'><span class='sku-value'>KES900")
          .append(i)
          .append("</span></div><h2><span class='name'>Кроссовки беговые ")
          .append(i)
          .append("</span></h2><a class='btn' href='/lk/basket/add?nm=")
          .append(i)
          .append("'>В корзину</a></article>");
    }
    html.append("</div></body></html>");
    ExtractionResult r =
        Extraction.run(TestPages.html("https://wb.example/catalog/shoes", html.toString()));
    assertThat(r.listings()).hasSize(3);
    assertThat(r.listings().get(0).url()).isEqualTo("https://wb.example/catalog/1/detail.aspx");
    assertThat(r.listings().get(0).title()).isEqualTo("Кроссовки беговые 1");
    assertThat(r.listings().get(0).price().amount()).isEqualByComparingTo(new BigDecimal("1290"));
    assertThat(r.listings().get(0).price().currency()).isEqualTo("RUB");
  }

  @Test
  void relatedBlockIsMarkedAndNavigationAndMiniCartAreNoListings() {
    String html =
        HEAD
            + NAV
            + "<h1>Son môi</h1><div class='grid'>"
            + card("card", 2, "Son MAC Ruby Woo", "520.000 ₫", null)
            + card("card", 3, "Son 3CE Taupe", "310.000 ₫", null)
            + card("card", 4, "Son Black Rouge A12", "160.000 ₫", null)
            + "</div><section class='recently-viewed'>"
            + card("mini", 7, "Phấn phủ Innisfree", "170.000 ₫", null)
            + card("mini", 8, "Mascara Maybelline", "150.000 ₫", null)
            + "</section></body></html>";

    List<Listing> out = Extraction.extract(TestPages.html(URL, html));

    assertThat(out)
        .extracting(Listing::title)
        .doesNotContain("Khuyến mãi 99.000 ₫", "Nước tẩy trang Bioderma", "Sữa rửa mặt Cetaphil");
    assertThat(out)
        .filteredOn(l -> "related".equals(l.attributes().get("listContext")))
        .extracting(Listing::title)
        .containsExactly("Phấn phủ Innisfree", "Mascara Maybelline");
    assertThat(out)
        .filteredOn(l -> "main".equals(l.attributes().get("listContext")))
        .extracting(Listing::title)
        .containsExactly("Son MAC Ruby Woo", "Son 3CE Taupe", "Son Black Rouge A12");
  }

  @Test
  void rowsOfCardsGiveTheCardsNotTheRows() {
    StringBuilder html = new StringBuilder(HEAD + "<h1>Nước hoa</h1><div class='container'>");
    int id = 0;
    for (int row = 0; row < 3; row++) {
      html.append("<div class='row'>");
      for (int col = 0; col < 4; col++) {
        id++;
        html.append(card("col-3", id, "Nước hoa mẫu số " + id, (100 + id) + ".000 ₫", null));
      }
      html.append("</div>");
    }
    List<Listing> out = Extraction.extract(TestPages.html(URL, html + "</div></body></html>"));

    assertThat(out).hasSize(12);
    assertThat(out.get(11).title()).isEqualTo("Nước hoa mẫu số 12");
    assertThat(out.get(11).price().amount()).isEqualByComparingTo(new BigDecimal("112000"));
  }

  @Test
  void pageWithoutProductsGivesNothingRatherThanItsTitle() {
    String html =
        "<html lang='vi'><head><title>Tin tức mới nhất</title></head><body>"
            + NAV
            + "<h1>Tin tức mới nhất</h1><article><h2><a href='/tin/1'>Cách nhận biết mỹ phẩm giả</a></h2>"
            + "<p>Ngày 12/11/2026 cơ quan quản lý thị trường đã thu giữ 1.200 sản phẩm.</p></article>"
            + "<article><h2><a href='/tin/2'>Mùa mua sắm cuối năm</a></h2><p>Giảm giá đến 50%.</p></article></body></html>";

    ExtractionResult r = Extraction.run(TestPages.html("https://shop.example.vn/tin-tuc", html));

    assertThat(r.listings()).isEmpty();
    assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("no product on the page"));
  }

  @Test
  void productPageWithRelatedCardsStillGivesOneListing() {
    String html =
        "<html lang='vi'><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
            + "\"@type\":\"Product\",\"name\":\"Nước hoa Chanel No5 100ml\",\"offers\":{\"@type\":\"Offer\","
            + "\"price\":\"1190000\",\"priceCurrency\":\"VND\"}}</script></head><body><h1>Nước hoa Chanel No5 100ml</h1>"
            + "<div class='related-products'>"
            + card("item", 2, "Son Dior Rouge 999", "450.000 ₫", null)
            + card("item", 3, "Kem Anessa 60ml", "390.000 ₫", null)
            + card("item", 4, "Serum B5", "520.000 ₫", null)
            + card("item", 5, "Phấn Innisfree", "170.000 ₫", null)
            + "</div></body></html>";

    List<Listing> out =
        Extraction.extract(TestPages.html("https://shop.example.vn/sp/1.html", html));

    assertThat(out).hasSize(1);
    assertThat(out.get(0).title()).isEqualTo("Nước hoa Chanel No5 100ml");
  }

  @Test
  void productPageWithoutMarkupButWithItsPriceBesideTheTitleIsNoListPage() {
    String html =
        HEAD
            + "<h1>Nước hoa Chanel No5 100ml</h1><div class='product-info'><span class='price'>1.190.000 ₫</span>"
            + "<button>Mua ngay</button></div><h2>Sản phẩm tương tự</h2><div class='products'>"
            + card("item", 2, "Son Dior Rouge 999", "450.000 ₫", null)
            + card("item", 3, "Kem Anessa 60ml", "390.000 ₫", null)
            + card("item", 4, "Serum B5", "520.000 ₫", null)
            + "</div></body></html>";

    List<Listing> out =
        Extraction.extract(TestPages.html("https://shop.example.vn/sp/1.html", html));

    assertThat(out).hasSize(1);
    assertThat(out.get(0).price().amount()).isEqualByComparingTo(new BigDecimal("1190000"));
  }

  @Test
  void imagesAreAbsoluteAndInlineOrPlaceholderImagesDropped() {
    String html =
        "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
            + "\"@type\":\"Product\",\"name\":\"Túi xách\",\"image\":[\"data:image/png;base64,iVBOR\",\"/img/tui.jpg\","
            + "\"/img/1x1.gif\",\"https://cdn.example.vn/tui-2.jpg\"],\"offers\":{\"price\":\"100000\",\"priceCurrency\":\"VND\"}}"
            + "</script></head><body><h1>Túi xách</h1></body></html>";

    Listing l =
        Extraction.extract(TestPages.html("https://shop.example.vn/sp/tui.html", html)).get(0);

    assertThat(l.images())
        .extracting(Image::url)
        .containsExactly("https://shop.example.vn/img/tui.jpg", "https://cdn.example.vn/tui-2.jpg");
  }

  @Test
  void gtinIsKeptOnlyWithAValidCheckDigit() {
    assertThat(ListingAssembler.validGtin("4006381333931")).isEqualTo("4006381333931");
    assertThat(ListingAssembler.validGtin("4006381333932")).isNull();
    assertThat(ListingAssembler.validGtin("0036000291452")).isEqualTo("0036000291452");
    assertThat(ListingAssembler.validGtin("036000291452")).isEqualTo("036000291452");
    assertThat(ListingAssembler.validGtin("96385074")).isEqualTo("96385074");
    assertThat(ListingAssembler.validGtin("8 934588 012228")).isEqualTo("8934588012228");
    assertThat(ListingAssembler.validGtin("12345")).isNull();
    assertThat(ListingAssembler.validGtin("ABCDEFGHIJKLM")).isNull();
  }

  @Test
  void feedPostIsTitledByItsFirstLine() {
    assertThat(FeedExtractor.firstLine("Thanh lý túi LV authentic\nGiá 1tr2, ib zalo 0912345678"))
        .isEqualTo("Thanh lý túi LV authentic");
    String longLine = "Hàng về rồi các chị ơi. " + "Túi đẹp lắm ".repeat(30);
    assertThat(FeedExtractor.firstLine(longLine)).isEqualTo("Hàng về rồi các chị ơi.");
    assertThat(FeedExtractor.firstLine("a".repeat(300)))
        .hasSizeLessThanOrEqualTo(FeedExtractor.MAX_TITLE_CHARS);
    assertThat(FeedExtractor.firstLine("  ")).isNull();
  }

  @Test
  void aRangeWithItsSymbolsInSpansOfTheirOwnGivesItsLowEnd() {
    StringBuilder html = new StringBuilder(HEAD + "<ul class='results'>");
    for (int i = 1; i <= 4; i++) {
      String price =
          i == 2
              ? "<span>₫</span><span>189.000</span><span>-</span><span>₫</span><span>259.000</span>"
              : "<span>₫</span><span>" + (100 + i) + ".000</span>";
      html.append("<li class='item'><a href='/p-")
          .append(i)
          .append("'><img src='/i/")
          .append(i)
          .append(".jpg'><div class='name'>Tai nghe Bluetooth số ")
          .append(i)
          .append("</div><div class='flex'>")
          .append(price)
          .append("</div><div>Đã bán 3,4k</div></a></li>");
    }
    html.append("</ul></body></html>");
    List<Listing> out =
        Extraction.extract(TestPages.html("https://sanmua.example/search?q=tai", html.toString()));
    assertThat(out).hasSize(4);
    assertThat(out.get(1).price().amount()).isEqualByComparingTo("189000");
    assertThat(out.get(1).price().currency()).isEqualTo("VND");
    assertThat(out.get(0).price().amount()).isEqualByComparingTo("101000");
  }

  @Test
  void forumRowsWithPricesInWordsAndAnIconLinkToTheLastPost() {
    StringBuilder html = new StringBuilder(HEAD + "<table id='threads'>");
    String[][] rows = {
      {
        "1",
        "Pass bàn phím cơ K2 switch brown",
        "Còn bh 3 tháng, giá 1tr2. Ship 30k nội thành.",
        "–"
      },
      {"2", "iPad Gen 9 64GB zin 95%", "Pin 89%, giá 4tr2, bao test 7 ngày.", "–"},
      {"3", "Màn hình 24in IPS 75Hz", "Văn phòng thanh lý, bao test.", "1.650.000 đ"},
      {"4", "Loa bluetooth chống nước", "Nghe hay, giá 850k có fix.", "–"},
      {"5", "Ổ cứng SSD 1TB NVMe", "Mới 99%.", "1.350.000 đ"},
      {"6", "Máy chơi game cầm tay", "Kèm 3 băng.", "3.900.000 đ"},
      {"7", "Xe đạp gấp 20 inch", "Đi được 300km, giá 3 triệu 5 có thương lượng.", "–"},
    };
    for (String[] r : rows) {
      html.append("<tr><td class='alt")
          .append(Integer.parseInt(r[0]) % 2 + 1)
          .append("'><div><a href='showthread.php?t=")
          .append(r[0])
          .append("'>")
          .append(r[1])
          .append("</a></div><div class='snippet'>")
          .append(r[2])
          .append("</div></td><td class='alt1'><span class='price-col'>")
          .append(r[3])
          .append("</span></td><td class='alt2'>bởi <a href='member.php?u=")
          .append(r[0])
          .append("'>u")
          .append(r[0])
          .append("</a> <a href='showthread.php?p=9")
          .append(r[0])
          .append("#post9")
          .append(r[0])
          .append("'><img class='inlineimg' src='images/buttons/lastpost.gif' alt='Đến bài cuối'>")
          .append("</a></td></tr>");
    }
    html.append("</table></body></html>");
    List<Listing> out =
        Extraction.extract(
            TestPages.html("https://forum.example.vn/forumdisplay.php?f=9", html.toString()));
    assertThat(out)
        .extracting(Listing::url)
        .contains("https://forum.example.vn/showthread.php?t=2");
    assertThat(out).hasSize(7);
    assertThat(out)
        .extracting(l -> l.price() == null ? null : l.price().amount().longValue())
        .containsExactly(
            1_200_000L, 4_200_000L, 1_650_000L, 850_000L, 1_350_000L, 3_900_000L, 3_500_000L);
  }

  @Test
  void aComingSoonCardBuiltLikeThePricedOnesIsAListing() {
    StringBuilder html = new StringBuilder(HEAD + "<ul class='listproduct'>");
    for (int i = 1; i <= 6; i++) {
      boolean soon = i == 4;
      html.append("<li class='item'><a class='main' href='/dtdd/p")
          .append(i)
          .append("'><div class='item-img'><img class='thumb' src='/i/")
          .append(i)
          .append(".jpg'></div><h3>Điện thoại mẫu ")
          .append(i)
          .append("</h3><div class='compare'><span>6.7\"</span></div>")
          .append(
              soon
                  ? "<p class='coming'>Sắp ra mắt</p>"
                  : "<strong class='price'>" + i + ".990.000₫</strong>")
          .append("</a>")
          .append(
              soon
                  ? ""
                  : "<div class='item-rating'><p><i class='icon-star'></i></p><p class='total'>"
                      + (100 + i)
                      + "</p></div>"
                      // Memory sizes on most cards, not all: no part every card has.
                      + (i % 3 == 0
                          ? ""
                          : "<div class='prods-group'><ul><li><a href='/dtdd/p"
                              + i
                              + "-128'>128GB</a></li><li><a href='/dtdd/p"
                              + i
                              + "-256'>256GB</a></li></ul></div>")
                      + "<p class='item-gift'>Quà <b>300.000₫</b></p>")
          .append("<a href='javascript:;' class='compare-btn'>So sánh</a></li>");
    }
    html.append("</ul></body></html>");
    List<Listing> out =
        Extraction.extract(TestPages.html("https://dt.example.vn/dtdd", html.toString()));
    assertThat(out).hasSize(6);
    assertThat(out.get(3).title()).isEqualTo("Điện thoại mẫu 4");
    assertThat(out.get(3).price()).isNull();
  }

  @Test
  void aGridNamedAfterItsKindOfPagerIsStillTheGrid() {
    String html =
        HEAD
            + "<h1>Máy lạnh treo tường</h1>"
            + "<div class='products elements-grid pagination-pagination row'>"
            + card("product-grid-item", 1, "Máy lạnh Inverter 1 HP", "8.290.000 ₫", "10.500.000 ₫")
            + card("product-grid-item", 2, "Máy lạnh Inverter 1.5 HP", "9.250.000 ₫", null)
            + card("product-grid-item", 3, "Máy lạnh 2 HP", "13.200.000 ₫", null)
            + "</div><nav class='woocommerce-pagination'><a href='?page=2'>2</a></nav></body></html>";

    ExtractionResult r = Extraction.run(TestPages.html(URL, html));

    assertThat(r.listings()).hasSize(3);
    assertThat(r.listings().get(0).price().amount())
        .isEqualByComparingTo(new BigDecimal("8290000"));
    assertThat(r.listings().get(0).listPrice().amount())
        .isEqualByComparingTo(new BigDecimal("10500000"));
  }

  @Test
  void cardsShowThePriceAskedNowWhereTheListsMarkupIsStale() {
    String itemList =
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"ItemList\","
            + "\"itemListElement\":["
            + "{\"@type\":\"ListItem\",\"position\":1,\"item\":{\"@type\":\"Product\",\"name\":\"Laptop A\","
            + "\"url\":\"https://shop.example.vn/sp/1.html\",\"offers\":{\"@type\":\"Offer\",\"price\":\"999\",\"priceCurrency\":\"GBP\"}}},"
            + "{\"@type\":\"ListItem\",\"position\":2,\"item\":{\"@type\":\"Product\",\"name\":\"Laptop B\","
            + "\"url\":\"https://shop.example.vn/sp/2.html\",\"offers\":{\"@type\":\"Offer\",\"price\":\"549\",\"priceCurrency\":\"GBP\"}}}"
            + "]}</script>";
    String html =
        "<html lang='en-GB'><head><title>Laptops</title>"
            + itemList
            + "</head><body><h1>Laptops</h1><div class='grid'>"
            + card("tile", 1, "Laptop A", "Now £899.00", "Was £999.00")
            + card("tile", 2, "Laptop B", "£549.00", null)
            + card("tile", 3, "Laptop C", "£649.00", null)
            + "</div></body></html>";

    ExtractionResult r = Extraction.run(TestPages.html(URL, html));

    assertThat(r.listings().get(0).price().amount()).isEqualByComparingTo(new BigDecimal("899.00"));
    assertThat(r.listings().get(0).listPrice().amount())
        .isEqualByComparingTo(new BigDecimal("999.00"));
    assertThat(r.listings().get(1).price().amount()).isEqualByComparingTo(new BigDecimal("549.00"));
  }

  @Test
  void aHotlineInACardsPriceBoxIsNoPrice() {
    String contact =
        "<div class='item'><a href='/sp/9.html'><img src='/anh/9.jpg'></a><h3><a href='/sp/9.html'>"
            + "Tivi 32 inch HD</a></h3><div class='gia'><span class='price_new'>Liên hệ</span></div>"
            + "<div class='call_price'>Gọi <a href='tel:19006868'>1900 6868</a> để có giá tốt</div></div>";
    String html =
        HEAD
            + "<h1>Tivi</h1><div class='products'>"
            + card("item", 1, "Tivi 43 inch 4K", "7.990.000 ₫", null)
            + card("item", 2, "Tivi 50 inch 4K", "9.490.000 ₫", null)
            + card("item", 3, "Tivi 55 inch 4K", "11.990.000 ₫", "13.490.000 ₫")
            + card("item", 4, "Tivi 65 inch QLED", "18.990.000 ₫", null)
            + contact
            + "</div></body></html>";

    ExtractionResult r = Extraction.run(TestPages.html(URL, html));

    assertThat(r.listings()).hasSize(5);
    assertThat(r.listings().get(4).title()).isEqualTo("Tivi 32 inch HD");
    assertThat(r.listings().get(4).price()).isNull();
  }
}
