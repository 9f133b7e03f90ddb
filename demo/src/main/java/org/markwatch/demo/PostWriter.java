package org.markwatch.demo;

import static org.markwatch.demo.VnText.pick;

import java.util.List;
import java.util.Random;
import org.markwatch.demo.ProductCatalog.Kind;
import org.markwatch.demo.ProductCatalog.Product;
import org.markwatch.model.Violation;

/**
 * Writes social-commerce posts: casual, emoji, prices as "450k" or "1tr2", and a way to reach the
 * seller off the platform (Zalo, phone, inbox).
 */
final class PostWriter {
  private final ProductCatalog catalog;
  private final ListingWriter listings;

  PostWriter(ProductCatalog catalog, ListingWriter listings) {
    this.catalog = catalog;
    this.listings = listings;
  }

  Draft write(Random r, DemoCase c) {
    Draft d = new Draft(c);
    String item;
    String detail;
    long price;
    switch (c) {
      case GENUINE -> {
        Product p = pick(r, catalog.mass());
        d.brandIds.add(p.brand().id());
        item =
            pick(
                r,
                "Em có sẵn " + p.name() + " chính hãng, có bill mua tại store",
                p.name() + " hàng chính hãng phân phối VN, còn nguyên seal",
                "Bên mình nhận đặt " + p.name() + " chính hãng, xuất được hóa đơn");
        detail =
            pick(
                r,
                "Bảo hành chính hãng, check thoải mái.",
                "Mua dư 1 cái nên để lại đúng giá store.",
                "Cam kết chính hãng, có hóa đơn đỏ.");
        price = socialRound(p.genuinePrice() * (0.9 + r.nextDouble() * 0.1));
      }
      case ACCESSORY -> {
        Draft a = listings.accessory(r);
        d.brandIds.addAll(a.brandIds);
        item = pick(r, "Sỉ lẻ ", "Có sẵn ", "Mới về ") + lowerFirst(a.title);
        detail =
            pick(
                r,
                "Nhiều màu, ai lấy sỉ ib giá tốt.",
                "Hàng đẹp, vừa khít máy.",
                "Không phải hàng hãng nha mọi người, phụ kiện thay thế thôi.");
        price = socialRound(a.price);
      }
      case SECOND_HAND -> {
        Product p =
            pick(
                r,
                catalog.products().stream()
                    .filter(
                        x ->
                            x.kind().tech()
                                || x.kind() == Kind.BAG
                                || x.kind() == Kind.WATCH
                                || x.kind() == Kind.SHOES)
                    .toList());
        d.brandIds.add(p.brand().id());
        item =
            pick(
                r,
                "Pass lại " + p.name() + " đã qua sử dụng, còn " + (85 + r.nextInt(14)) + "%",
                "Thanh lý " + p.name() + " mua được " + (2 + r.nextInt(10)) + " tháng",
                "Cần bán " + p.name() + " cũ, hàng auth có bill");
        detail =
            pick(
                r,
                "Lý do bán: lên đời. Máy/đồ zin, không lỗi lầm.",
                "Ai thiện chí ib, có fix nhẹ cho người nhanh tay.",
                "Đồ dùng cẩn thận, còn hộp đủ phụ kiện.");
        price = socialRound(p.genuinePrice() * (0.45 + r.nextDouble() * 0.3));
      }
      case GENERIC -> {
        GenericGoods.Item g = pick(r, GenericGoods.ITEMS);
        item = pick(r, "Hàng mới về: ", "Xả kho ", "Bán ") + lowerFirst(g.name());
        detail =
            pick(
                r,
                "Hàng xưởng nhà làm, giá tận gốc.",
                "Số lượng có hạn nha cả nhà.",
                "Shop có sẵn, giao ngay trong ngày.");
        price = socialRound(g.minPrice() + r.nextDouble() * (g.maxPrice() - g.minPrice()));
      }
      case COUNTERFEIT -> {
        Product p = pick(r, catalog.faked());
        d.brandIds.add(p.brand().id());
        d.violation(Violation.COUNTERFEIT);
        String brand = r.nextBoolean() ? p.brand().name() : pick(r, p.brand().aliases());
        String rep = pick(r, ListingWriter.REPLICA_TERMS);
        item =
            pick(
                r,
                p.named(brand) + " " + rep + " về đủ màu",
                "Em nhận order " + p.named(brand) + (rep.startsWith("hàng") ? " " : " hàng ") + rep,
                p.named(brand)
                    + (rep.startsWith("hàng") ? " " : " bản ")
                    + rep
                    + ", giống auth 99%");
        detail =
            pick(
                r,
                "Full box bill thẻ, check code thoải mái.",
                p.kind() == Kind.BAG || p.kind() == Kind.SHOES
                    ? "Da đẹp, đường may chuẩn, logo sắc nét."
                    : "Hàng đẹp, tem mác sắc nét như chính hãng.",
                "Ai cần ảnh thật ib em gửi.",
                "Auth ngoài store giá gấp chục lần, mua bên em tiết kiệm.");
        double f = p.luxury() ? 0.006 + r.nextDouble() * 0.03 : 0.12 + r.nextDouble() * 0.25;
        price = Math.max(45_000, socialRound(p.genuinePrice() * f));
      }
      case SMUGGLED -> {
        Product p =
            pick(
                r,
                catalog.mass().stream()
                    .filter(
                        x -> x.kind().beauty() || x.kind().consumable() || x.kind() == Kind.PHONE)
                    .toList());
        d.brandIds.add(p.brand().id());
        d.violation(Violation.SMUGGLED);
        boolean mainland = r.nextInt(3) == 0;
        if (mainland) {
          d.violation(Violation.UNKNOWN_ORIGIN);
          item = p.name() + " nội địa Trung, hàng về không tem nhãn";
        } else {
          item =
              pick(
                  r,
                  "Hàng xách tay chuyến này: " + p.name(),
                  p.name() + " xách tay " + pick(r, "Nhật", "Hàn", "Mỹ", "Úc") + " về tận tay",
                  "Order " + p.name() + " xách tay, không hóa đơn");
        }
        detail =
            pick(
                r,
                "Không qua hải quan nên giá rẻ hơn store nhiều.",
                "Chuyến sau 10 ngày, ai order cọc trước 50%.",
                "Không tem phụ tiếng Việt nha, hàng nội địa.");
        price = socialRound(p.genuinePrice() * (0.55 + r.nextDouble() * 0.25));
      }
      case PROHIBITED, RESTRICTED, CONDITIONAL, MISLEADING -> {
        Draft x = listings.regulated(r, c);
        d.violation(Violation.valueOf(c.name()));
        item =
            switch (c) {
              case PROHIBITED -> pick(r, "Có sẵn ", "Sỉ lẻ ", "Bán ") + lowerFirst(x.title);
              case RESTRICTED -> "Có sẵn " + lowerFirst(x.title);
              case CONDITIONAL -> "Nhận đặt " + lowerFirst(x.title);
              default -> x.title;
            };
        detail = x.text.toString().replace('\n', ' ');
        price = socialRound(x.price);
      }
      default -> throw new IllegalArgumentException("the feed has no posts of case " + c);
    }
    String opener =
        c == DemoCase.SECOND_HAND
            ? pick(r, "Pass gấp ạ", "Cần pass", "", "Thanh lý cuối tháng")
            : pick(
                r,
                "🔥 HÀNG VỀ 🔥",
                "[CÓ SẴN]",
                "Sale cuối tuần nè cả nhà ơi",
                "",
                "",
                "✨ Mới về ✨");
    String phone = VnText.mobile(r);
    String written = VnText.writtenPhone(r, phone);
    String contactLine;
    switch (r.nextInt(6)) {
      case 0 -> {
        contactLine = "ib zalo " + written;
        d.contacts.add(new DemoContact("zalo", phone));
      }
      case 1 -> {
        contactLine =
            "Zalo: "
                + written
                + " ("
                + pick(r, "có sẵn tại HN", "ship toàn quốc", "trả lời nhanh")
                + ")";
        d.contacts.add(new DemoContact("zalo", phone));
      }
      case 2 -> {
        contactLine = "LH " + written + " hoặc inbox";
        d.contacts.add(new DemoContact("phone", phone));
      }
      case 3 -> {
        contactLine = "Sđt/zalo " + written;
        d.contacts.add(new DemoContact("phone", phone));
        d.contacts.add(new DemoContact("zalo", phone));
      }
      case 4 ->
          contactLine = pick(r, "Inbox em nhé", "Ai cần ib mình", "Cmt sđt em gọi lại tư vấn");
      default -> {
        contactLine = "Gọi " + written;
        d.contacts.add(new DemoContact("phone", phone));
      }
    }
    String priceText = VnText.socialPrice(r, price);
    String priceLine =
        pick(
            r,
            "Giá: " + priceText,
            "Chỉ " + priceText,
            priceText + " freeship",
            "Giá pass " + priceText,
            "💰 " + priceText);
    if (!opener.isEmpty()) {
      d.line(opener);
    }
    d.line(item);
    d.line(detail);
    d.line(priceLine);
    d.line(contactLine);
    if (r.nextInt(3) == 0) {
      d.line(
          switch (c) {
            case SECOND_HAND -> "#thanhly #passdo";
            case SMUGGLED -> "#order #xachtay";
            default -> pick(r, "#hangcosan #freeship", "#sale", "#hangmoive");
          });
    }
    d.title = item;
    d.price = price;
    return d;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + s.substring(1);
  }

  /** Social prices are round: "450k" below a million, "1tr2" above. */
  static long socialRound(double amount) {
    if (amount < 1_000_000) {
      return Math.max(5_000, Math.round(amount / 5_000) * 5_000);
    }
    return Math.round(amount / 100_000) * 100_000;
  }

  static List<DemoCase> cases() {
    return List.of(
        DemoCase.GENUINE,
        DemoCase.ACCESSORY,
        DemoCase.SECOND_HAND,
        DemoCase.GENERIC,
        DemoCase.COUNTERFEIT,
        DemoCase.SMUGGLED,
        DemoCase.PROHIBITED,
        DemoCase.RESTRICTED,
        DemoCase.CONDITIONAL,
        DemoCase.MISLEADING);
  }
}
