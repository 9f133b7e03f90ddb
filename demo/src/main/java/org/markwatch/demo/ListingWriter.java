package org.markwatch.demo;

import static org.markwatch.demo.VnText.pick;

import java.util.List;
import java.util.Random;
import org.markwatch.demo.ProductCatalog.Kind;
import org.markwatch.demo.ProductCatalog.Product;
import org.markwatch.model.Violation;

/**
 * Writes marketplace listings the way Vietnamese sellers write them, one method per case. Templates
 * times slot values drawn from the world's random source, so the same seed writes the same words.
 */
final class ListingWriter {
  static final List<String> REPLICA_TERMS =
      List.of(
          "rep 1:1",
          "siêu cấp",
          "like auth",
          "hàng F1",
          "super fake",
          "loại 1",
          "replica cao cấp",
          "auth-like 99%",
          "hàng SF",
          "mirror 1:1",
          "hàng Quảng Châu loại 1",
          "VIP 1:1");
  static final List<String> PROVINCES =
      List.of(
          "TP. Hồ Chí Minh",
          "Hà Nội",
          "Đà Nẵng",
          "Hải Phòng",
          "Cần Thơ",
          "Bình Dương",
          "Đồng Nai",
          "Bắc Ninh",
          "Khánh Hòa",
          "Nghệ An");

  private final ProductCatalog catalog;

  ListingWriter(ProductCatalog catalog) {
    this.catalog = catalog;
  }

  ProductCatalog catalog() {
    return catalog;
  }

  Draft genuine(Random r, Product p) {
    Draft d = base(DemoCase.GENUINE, p);
    String name = p.name();
    int w = warranty(r);
    d.title =
        switch (r.nextInt(5)) {
          case 0 -> name + " - Hàng chính hãng";
          case 1 -> "[Chính hãng] " + name;
          case 2 ->
              name + (p.kind().tech() ? " chính hãng, bảo hành " + w + " tháng" : " chính hãng");
          case 3 -> name + " | Có hóa đơn VAT";
          default -> name + " " + variant(r, p.kind());
        };
    d.price = VnText.roundPrice(p.genuinePrice() * (0.88 + r.nextDouble() * 0.12));
    d.listPrice = d.price < p.genuinePrice() ? p.genuinePrice() : null;
    d.line(
        pick(
            r,
            name + " được phân phối chính thức tại Việt Nam, đầy đủ tem nhãn phụ tiếng Việt.",
            "Shop cam kết "
                + name
                + " là hàng chính hãng, nhập khẩu chính ngạch, có hóa đơn chứng từ.",
            "Sản phẩm "
                + name
                + " nhập từ nhà phân phối ủy quyền của "
                + p.brand().name()
                + " tại Việt Nam."));
    kindLines(r, d, p, w);
    d.line(
        pick(
            r,
            "Đổi trả trong 7 ngày nếu sản phẩm lỗi do nhà sản xuất.",
            "Giao hàng toàn quốc, được kiểm tra hàng trước khi nhận.",
            "Xuất hóa đơn VAT theo yêu cầu, vui lòng để lại mã số thuế khi đặt hàng."));
    return d;
  }

  Draft official(Random r, Product p) {
    Draft d = base(DemoCase.OFFICIAL_STORE, p);
    String b = p.brand().name();
    d.officialBrandId = p.brand().id();
    d.title =
        switch (r.nextInt(3)) {
          case 0 -> p.name() + " | " + b + " Official Store";
          case 1 -> "[" + b + " Official] " + p.name();
          default -> p.name() + " - Chính hãng " + b + " Việt Nam";
        };
    d.price = VnText.roundPrice(p.genuinePrice() * (0.93 + r.nextDouble() * 0.07));
    d.listPrice = d.price < p.genuinePrice() ? p.genuinePrice() : null;
    d.line(
        "Sản phẩm được bán bởi "
            + b
            + " Official Store, gian hàng chính hãng của "
            + b
            + " tại Việt Nam.");
    kindLines(r, d, p, warranty(r));
    d.line(
        pick(
            r,
            "Miễn phí đổi trả 15 ngày. Bảo hành chính hãng toàn quốc.",
            "Cam kết 100% chính hãng, hoàn tiền gấp đôi nếu phát hiện hàng giả."));
    return d;
  }

  /** Accessories made for a brand's device: they name the brand but are not that brand's goods. */
  Draft accessory(Random r) {
    String[] target = pick(r, ACCESSORY_TARGETS);
    String brandId = target[0];
    String device = target[1];
    String[] nouns = target[2].split(";");
    String noun = pick(r, nouns);
    String connector = pick(r, "tương thích", "dành cho", "cho", "phù hợp với");
    Draft d = new Draft(DemoCase.ACCESSORY);
    d.brandIds.add(brandId);
    d.category = Category.valueOf(target[3]);
    String suffix = pick(r, "", " chống sốc", " cao cấp", " giá rẻ", " nhiều màu");
    d.title =
        noun
            + " "
            + connector
            + " "
            + device
            + (noun.toLowerCase(java.util.Locale.ROOT).contains(suffix.strip()) ? "" : suffix);
    d.price = VnText.roundPrice(29_000 + r.nextInt(220) * 1_000);
    d.listPrice = r.nextBoolean() ? VnText.roundPrice(d.price * 1.4) : null;
    d.brandClaimed = pick(r, "No Brand", "OEM", null);
    d.line(
        noun
            + " "
            + connector
            + " "
            + device
            + ", thiết kế vừa khít, không ảnh hưởng đến sử dụng.");
    d.line(
        pick(
            r,
            "Lưu ý: đây là phụ kiện của bên thứ ba, không phải sản phẩm của hãng.",
            "Sản phẩm là phụ kiện thay thế, không phải hàng chính hãng "
                + catalog.brand(brandId).name()
                + ".",
            "Hàng sản xuất tại Việt Nam, chất liệu an toàn."));
    d.line(
        "Chất liệu: "
            + pick(r, "silicon dẻo", "nhựa PC cứng", "da PU", "TPU trong suốt", "hợp kim nhôm"));
    d.attr("Thương hiệu", d.brandClaimed == null ? "Không thương hiệu" : d.brandClaimed);
    d.attr("Xuất xứ", pick(r, "Việt Nam", "Trung Quốc"));
    return d;
  }

  Draft secondHand(Random r, Product p) {
    Draft d = base(DemoCase.SECOND_HAND, p);
    String name = p.name();
    int condition = 85 + r.nextInt(14);
    d.title =
        switch (r.nextInt(5)) {
          case 0 -> "Thanh lý " + name + " đã qua sử dụng";
          case 1 -> name + " cũ like new " + condition + "%";
          case 2 -> "Pass lại " + name + " còn bảo hành";
          case 3 -> "[2nd] " + name + " fullbox";
          default -> name + " đã qua sử dụng, ngoại hình " + condition + "%";
        };
    d.price = VnText.roundPrice(p.genuinePrice() * (0.45 + r.nextDouble() * 0.3));
    if (p.kind().tech()) {
      d.line(
          "Máy đã qua sử dụng, ngoại hình "
              + condition
              + "%, chưa qua sửa chữa, mọi chức năng hoạt động tốt.");
      if (p.kind() == Kind.PHONE) {
        d.line("Pin " + (80 + r.nextInt(15)) + "%, máy zin nguyên bản, quốc tế.");
      }
    } else {
      d.line(
          "Hàng auth đã qua sử dụng, có bill mua tại store "
              + pick(r, "Tràng Tiền Plaza", "Takashimaya", "Vincom Đồng Khởi", "Singapore", "Paris")
              + ", còn "
              + condition
              + "%.");
      d.line(
          pick(
              r,
              "Hao góc nhẹ, da còn đẹp, không bong tróc.",
              "Dây và khóa còn mới, lót trong sạch.",
              "Dùng cẩn thận, còn hộp và túi giấy."));
    }
    d.line(
        pick(
            r,
            "Ai cần check thoải mái, bao test 7 ngày.",
            "Lý do bán: lên đời, không dùng đến.",
            "Giá đã giảm sâu, không trả giá nhiều ạ."));
    d.attr("Tình trạng", "Đã sử dụng");
    return d;
  }

  Draft generic(Random r) {
    GenericGoods.Item item = pick(r, GenericGoods.ITEMS);
    Draft d = new Draft(DemoCase.GENERIC);
    d.category = item.category();
    d.title =
        switch (r.nextInt(4)) {
          case 0 -> item.name();
          case 1 ->
              item.name()
                  + " "
                  + pick(r, "giá xưởng", "hàng mới về", "nhiều mẫu", "bán chạy", "freeship");
          case 2 ->
              "[" + pick(r, "SALE", "HÀNG MỚI", "Mua 2 tặng 1", "Giá sỉ") + "] " + item.name();
          default ->
              item.name()
                  + " - "
                  + pick(r, "Loại 1", "Chất lượng cao", "Có bảo hành", "Hàng Việt Nam");
        };
    long span = (item.maxPrice() - item.minPrice()) / 1000;
    d.price = VnText.roundPrice(item.minPrice() + (span <= 0 ? 0 : r.nextLong(span)) * 1000);
    d.listPrice = r.nextInt(3) == 0 ? VnText.roundPrice(d.price * 1.3) : null;
    d.brandClaimed = pick(r, "No Brand", "OEM", null);
    d.line(
        item.name()
            + " "
            + pick(
                r,
                "chất lượng tốt, giá phải chăng.",
                "được nhiều khách tin dùng.",
                "mẫu mới nhất năm nay."));
    d.line("Chất liệu: " + item.material() + ".");
    d.line(
        pick(
            r,
            "Shop có sẵn hàng, giao trong 24h.",
            "Đóng gói cẩn thận, chống sốc.",
            "Nhận đổi trả nếu lỗi do nhà sản xuất."));
    d.attr("Thương hiệu", d.brandClaimed == null ? "Không thương hiệu" : d.brandClaimed);
    d.attr("Xuất xứ", pick(r, "Việt Nam", "Việt Nam", "Trung Quốc"));
    return d;
  }

  Draft counterfeit(Random r, Product p) {
    Draft d = base(DemoCase.COUNTERFEIT, p);
    d.violation(Violation.COUNTERFEIT);
    boolean subtle = r.nextInt(4) == 0;
    String brandText = subtle || r.nextBoolean() ? p.brand().name() : pick(r, p.brand().aliases());
    String name = p.named(brandText);
    String rep = pick(r, REPLICA_TERMS);
    double factor = p.luxury() ? 0.006 + r.nextDouble() * 0.03 : 0.12 + r.nextDouble() * 0.25;
    d.price = Math.max(45_000, VnText.roundPrice(p.genuinePrice() * factor));
    if (subtle) {
      // No slang at all: only the price gives it away, and the false claim of authenticity.
      d.title = pick(r, name + " chính hãng", name + " auth", name + " new 100% fullbox", name);
      d.listPrice = p.genuinePrice();
      d.line(
          pick(
              r,
              "Hàng chính hãng, giá tốt nhất thị trường.",
              "Cam kết auth, sai hoàn tiền.",
              "Hàng mới 100%, full box."));
      d.line(
          pick(
              r,
              "Số lượng có hạn, xả kho cuối năm.",
              "Shop xả lỗ để thu hồi vốn.",
              "Giá sốc chỉ trong hôm nay."));
    } else {
      d.title =
          switch (r.nextInt(4)) {
            case 0 -> name + " " + rep;
            case 1 -> "[" + rep.toUpperCase(java.util.Locale.ROOT) + "] " + name;
            case 2 -> name + (rep.startsWith("hàng") ? " " : " hàng ") + rep + " full box";
            default ->
                name
                    + " "
                    + rep
                    + " "
                    + pick(
                        r, "da thật", "chuẩn store", "giống 99%", "đủ bill thẻ", "check code ok");
          };
      d.line(
          (rep.startsWith("hàng") ? "H" + rep.substring(1) : "Hàng " + rep)
              + " chuẩn "
              + (95 + r.nextInt(5))
              + "% so với auth, "
              + material(r, p.kind())
              + ", logo sắc nét.");
      d.line(
          pick(
              r,
              "Full box, bill, thẻ, túi giấy như hàng store.",
              "Tem mác, code, serial đầy đủ.",
              "Đầy đủ phụ kiện đi kèm như chính hãng."));
      d.line(
          "Giá auth ngoài store "
              + VnText.grouped(p.genuinePrice())
              + "đ, bên em chỉ "
              + VnText.grouped(d.price)
              + "đ.");
      d.line(
          pick(
              r,
              "Cam kết giống ảnh 100%, không giống hoàn tiền.",
              "Không phải hàng chính hãng, khách cân nhắc trước khi đặt ạ.",
              "Hàng về số lượng có hạn, ib shop để được tư vấn.",
              "Nhận ship COD toàn quốc, được kiểm hàng."));
    }
    d.brandClaimed = pick(r, p.brand().name(), "No Brand", "OEM", null);
    d.attr("Thương hiệu", d.brandClaimed == null ? "Không thương hiệu" : d.brandClaimed);
    d.attr("Xuất xứ", pick(r, "Trung Quốc", "Quảng Châu", p.brand().origin()));
    return d;
  }

  Draft smuggled(Random r, Product p) {
    Draft d = base(DemoCase.SMUGGLED, p);
    String country = importCountry(p);
    String name = p.name();
    boolean mainland = country.equals("Trung");
    d.violation(Violation.SMUGGLED);
    if (mainland) {
      d.violation(Violation.UNKNOWN_ORIGIN);
      d.title =
          pick(
              r,
              name + " nội địa Trung giá sỉ",
              name + " hàng nội địa Trung",
              "[Nội địa Trung] " + name);
      d.line("Hàng nội địa Trung, nhập theo đường tiểu ngạch nên giá rất mềm.");
      d.line("Bao bì tiếng Trung, không có tem nhãn phụ tiếng Việt.");
    } else {
      d.title =
          pick(
              r,
              name
                  + (country.equals("Nhật") || country.equals("Hàn")
                      ? " nội địa " + country + " hàng xách tay"
                      : " hàng xách tay " + country),
              name + " xách tay " + country + ", không hóa đơn",
              "Hàng xách tay " + country + " - " + name,
              name + " bản " + country + " xách tay");
      d.line(
          "Hàng xách tay trực tiếp từ "
              + country
              + ", không qua nhập khẩu chính ngạch nên giá rẻ hơn ngoài hãng.");
      d.line(
          pick(
              r,
              "Không có hóa đơn, không tem phụ, khách cần hóa đơn vui lòng không đặt.",
              "Order theo đợt, 7-10 ngày có hàng, hàng về không qua hải quan.",
              "Hàng mua tận gốc, cam kết auth, không nhãn phụ."));
    }
    d.price = VnText.roundPrice(p.genuinePrice() * (0.55 + r.nextDouble() * 0.25));
    d.attr("Xuất xứ", mainland ? "Trung Quốc" : country);
    return d;
  }

  Draft unknownOrigin(Random r, Product p) {
    Draft d = base(DemoCase.UNKNOWN_ORIGIN, p);
    d.violation(Violation.UNKNOWN_ORIGIN);
    d.title =
        pick(
            r,
            p.name() + " không nhãn phụ",
            p.name() + " hàng lô, không tem",
            p.name() + " hàng công ty thanh lý (không tem)");
    d.price = VnText.roundPrice(p.genuinePrice() * (0.5 + r.nextDouble() * 0.2));
    d.line("Hàng lô không có tem nhãn phụ, không rõ đơn vị nhập khẩu.");
    d.line(
        pick(
            r,
            "Không hỗ trợ xuất hóa đơn.",
            "Date xa, bao bì còn nguyên.",
            "Hàng ít, hết là thôi."));
    d.attributes.remove("Xuất xứ");
    d.attr("Xuất xứ", "Đang cập nhật");
    return d;
  }

  /**
   * A listing of regulated goods: prohibited, restricted (tobacco), conditional or misleading,
   * drawn from that case's table; its violation has the case's name.
   */
  Draft regulated(Random r, DemoCase c) {
    String[][] table =
        switch (c) {
          case PROHIBITED -> ListingWriter.PROHIBITED;
          case RESTRICTED -> TOBACCO;
          case CONDITIONAL -> ListingWriter.CONDITIONAL;
          case MISLEADING -> ListingWriter.MISLEADING;
          default -> throw new IllegalArgumentException("not a regulated-goods case: " + c);
        };
    Draft d = special(r, c, pick(r, table));
    d.violation(Violation.valueOf(c.name()));
    return d;
  }

  Draft expired(Random r, Product p) {
    Draft d = base(DemoCase.EXPIRED, p);
    d.violation(Violation.EXPIRED);
    int month = 1 + r.nextInt(9);
    String hsd = String.format("%02d/2026", month);
    d.title =
        pick(
            r,
            "Thanh lý " + p.name() + " date " + hsd,
            p.name() + " hết date " + hsd + " vẫn dùng tốt",
            "Xả kho " + p.name() + " HSD " + hsd);
    d.price = VnText.roundPrice(p.genuinePrice() * (0.25 + r.nextDouble() * 0.2));
    d.line(
        "Hạn sử dụng "
            + hsd
            + ", "
            + pick(
                r,
                "đã quá hạn vài tháng nhưng bảo quản kỹ nên vẫn dùng tốt.",
                "quá date một chút, dùng được bình thường.",
                "khách mua số lượng nhiều shop bớt thêm."));
    d.line("Hàng không đổi trả.");
    d.attr("Hạn sử dụng", hsd);
    return d;
  }

  /**
   * A listing that is fine in itself; the seller is the problem (Decree 52 information missing).
   */
  Draft sellerMissingInfo(Random r) {
    Draft inner = r.nextBoolean() ? generic(r) : genuine(r, pick(r, catalog.mass()));
    Draft d = new Draft(DemoCase.SELLER_MISSING_INFO);
    d.title = inner.title;
    d.text.append(inner.text);
    d.price = inner.price;
    d.listPrice = inner.listPrice;
    d.category = inner.category;
    d.brandClaimed = inner.brandClaimed;
    d.brandIds.addAll(inner.brandIds);
    d.attributes.putAll(inner.attributes);
    d.violation(Violation.SELLER_NONCOMPLIANT);
    return d;
  }

  private Draft base(DemoCase c, Product p) {
    Draft d = new Draft(c);
    d.category = p.kind().category;
    d.brandIds.add(p.brand().id());
    d.brandClaimed = p.brand().name();
    d.attr("Thương hiệu", p.brand().name());
    d.attr("Xuất xứ", p.brand().origin());
    return d;
  }

  private Draft special(Random r, DemoCase c, String[] item) {
    // item: category | title variants (;) | description | min price | max price
    Draft d = new Draft(c);
    d.category = Category.valueOf(item[0]);
    d.title = pick(r, item[1].split(";"));
    for (String line : item[2].split(";")) {
      d.line(line);
    }
    long min = Long.parseLong(item[3]);
    long max = Long.parseLong(item[4]);
    d.price = VnText.roundPrice(min + r.nextDouble() * (max - min));
    d.brandClaimed = pick(r, "No Brand", null);
    d.attr("Thương hiệu", d.brandClaimed == null ? "Không thương hiệu" : d.brandClaimed);
    d.attr("Gửi từ", pick(r, PROVINCES));
    return d;
  }

  private void kindLines(Random r, Draft d, Product p, int w) {
    Kind k = p.kind();
    if (k.tech()) {
      d.line(
          "Bảo hành " + w + " tháng tại trung tâm bảo hành ủy quyền của " + p.brand().name() + ".");
      d.line(
          pick(
              r,
              "Máy mới 100%, nguyên seal, đầy đủ phụ kiện trong hộp.",
              "Hàng mới nguyên hộp, kích hoạt bảo hành điện tử ngay khi nhận."));
      d.attr("Bảo hành", w + " tháng");
    } else if (k.beauty()) {
      String cb = (10_000 + r.nextInt(89_999)) + "/" + (20 + r.nextInt(5)) + "/CBMP-QLD";
      d.line("Số công bố: " + cb + ".");
      d.line(
          "Hạn sử dụng: "
              + String.format("%02d/%d", 1 + r.nextInt(12), 2027 + r.nextInt(3))
              + ", hàng date mới.");
      d.attr("Số công bố", cb);
    } else if (k.consumable() || k == Kind.AUTO) {
      d.line(
          pick(
              r,
              "Hàng date xa, hạn sử dụng in dưới đáy sản phẩm.",
              "Bảo quản nơi khô ráo, thoáng mát."));
      d.line("Có nhãn phụ tiếng Việt của đơn vị nhập khẩu.");
    } else {
      d.line("Chất liệu: " + material(r, k) + ".");
      d.line(
          pick(
              r,
              "Đủ size, tư vấn size theo chiều cao cân nặng.",
              "Có hộp, túi giấy và hóa đơn mua hàng.",
              "Bảo hành " + w + " tháng tại cửa hàng."));
    }
  }

  private static int warranty(Random r) {
    return pick(r, 6, 12, 12, 18, 24);
  }

  private static String variant(Random r, Kind k) {
    if (k.tech()) {
      return pick(r, "nguyên seal", "mới 100%", "bảo hành 12 tháng");
    }
    if (k.beauty()) {
      return pick(r, "date mới nhất", "có tem chống giả", "mẫu mới");
    }
    if (k == Kind.SHOES || k == Kind.CLOTHES) {
      return pick(r, "đủ size", "màu mới", "unisex");
    }
    return pick(r, "giá tốt", "có sẵn", "freeship");
  }

  private static String material(Random r, Kind k) {
    return switch (k) {
      case BAG -> pick(r, "da bò thật", "da PU cao cấp", "canvas phủ nhựa", "da vân hạt");
      case SHOES -> pick(r, "đế cao su đúc", "da lộn", "vải lưới thoáng khí", "đế air êm chân");
      case WATCH -> pick(r, "máy Nhật", "máy cơ automatic", "kính sapphire", "dây thép không gỉ");
      case JEWELLERY -> pick(r, "bạc S925", "mạ vàng 18k", "thép titan không gỉ");
      case CLOTHES -> pick(r, "cotton 100%", "vải thun lạnh", "vải kaki dày dặn", "len cashmere");
      case PERFUME ->
          pick(r, "mùi hương chuẩn, lưu hương 6-8 tiếng", "chai thủy tinh dày, vòi xịt mịn");
      case MAKEUP -> pick(r, "chất son mịn, lên màu chuẩn", "vỏ son nặng tay như auth");
      case SKINCARE -> pick(r, "kết cấu và mùi giống hàng thật", "vỏ hộp in sắc nét, có mã vạch");
      default -> pick(r, "linh kiện tốt", "vỏ nhựa cao cấp", "hoàn thiện tốt");
    };
  }

  private static String importCountry(Product p) {
    return switch (p.brand().origin()) {
      case "Nhật Bản" -> "Nhật";
      case "Hàn Quốc" -> "Hàn";
      case "Úc" -> "Úc";
      case "Pháp" -> "Pháp";
      case "Trung Quốc" ->
          p.kind() == Kind.PHONE && !p.brand().id().equals("xiaomi") ? "Mỹ" : "Trung";
      default -> "Mỹ";
    };
  }

  // brand id | device as written | accessory nouns | category
  private static final String[][] ACCESSORY_TARGETS = {
    {
      "apple",
      "iPhone 15 Pro Max",
      "Ốp lưng silicon;Kính cường lực;Miếng dán camera;Ốp lưng trong suốt",
      "DIEN_THOAI"
    },
    {
      "apple",
      "iPhone 13",
      "Ốp lưng da;Kính cường lực chống nhìn trộm;Cáp sạc nhanh 20W",
      "DIEN_THOAI"
    },
    {"apple", "AirPods Pro", "Case bảo vệ;Móc khóa kèm case;Núm tai nghe thay thế", "DIEN_TU"},
    {"apple", "Apple Watch", "Dây đeo silicon;Ốp viền;Dây thép milanese", "DONG_HO"},
    {"apple", "iPad Air", "Bao da;Bút cảm ứng;Bàn phím bluetooth", "DIEN_TU"},
    {"apple", "MacBook Air M2", "Ốp bảo vệ;Túi chống sốc;Miếng phủ bàn phím", "DIEN_TU"},
    {
      "samsung",
      "Samsung Galaxy S24 Ultra",
      "Ốp lưng chống sốc;Kính cường lực full màn;Cáp sạc nhanh 25W",
      "DIEN_THOAI"
    },
    {"samsung", "Samsung Galaxy Tab S9", "Bao da;Bàn phím rời;Giá đỡ", "DIEN_TU"},
    {"xiaomi", "Xiaomi Redmi Note 13", "Ốp lưng;Kính cường lực", "DIEN_THOAI"},
    {"xiaomi", "Xiaomi Smart Band 8", "Dây đeo thay thế;Đế sạc;Miếng dán màn hình", "DIEN_TU"},
    {"casio", "Casio G-Shock GA-2100", "Dây đeo cao su;Bezel kim loại độ", "DONG_HO"},
    {"sony", "Sony PS5", "Đế tản nhiệt;Bọc silicon tay cầm;Giá treo tay cầm", "DIEN_TU"},
    {"nike", "Nike Air Force 1", "Dây giày thay thế;Miếng chống nhăn mũi giày", "GIAY_DEP"},
    {"honda", "xe Honda Vision", "Ốp pô;Thảm lót chân;Bao tay lái", "XE"},
    {"yamaha", "xe Yamaha Exciter 155", "Ốp pô;Kính chắn gió;Bao tay lái", "XE"},
    {"canon", "máy ảnh Canon EOS", "Túi đựng;Dây đeo;Miếng dán màn hình", "DIEN_TU"},
    {"jbl", "loa JBL Flip 6", "Túi chống sốc;Hộp đựng", "DIEN_TU"},
    {"dyson", "máy hút bụi Dyson V12", "Bộ lọc HEPA thay thế;Đầu hút thay thế", "NHA_CUA"},
  };

  // category | titles (;) | description lines (;) | min | max
  private static final String[][] PROHIBITED = {
    {
      "NHA_CUA",
      "Pod 1 lần 6000 hơi vị xoài đá;Pod dùng 1 lần 8000 hơi nhiều vị;Vape pod 1 lần 10000 hơi vị nho lạnh",
      "Hút êm, khói dày, vị chuẩn.;Giao hỏa tốc nội thành, đóng gói kín đáo.",
      "120000",
      "260000"
    },
    {
      "NHA_CUA",
      "Thuốc lá điện tử pod system 40W;Máy vape pod kèm 2 đầu pod",
      "Máy mới 100%, kèm cáp sạc.;Shop gửi kín, không ghi tên sản phẩm ngoài hộp.",
      "350000",
      "690000"
    },
    {
      "NHA_CUA",
      "Tinh dầu vape salt nic 30ml 50mg vị dưa hấu;Tinh dầu pod salt nic vị bạc hà 30ml",
      "Tinh dầu nicotine dùng cho pod và vape.;Đủ vị, sỉ lẻ toàn quốc.",
      "120000",
      "180000"
    },
    {
      "THE_THAO",
      "Súng airsoft Glock 17 kim loại bắn bi;Súng bắn bi nén hơi kim loại nặng tay",
      "Khung thép, nặng tay như súng thật.;Tặng kèm 1000 viên bi, giao kín đáo.",
      "890000",
      "2500000"
    },
    {
      "THE_THAO",
      "Dao bấm tự động lưỡi thép D2 phòng thân;Dao găm phòng thân lưỡi 20cm kèm bao da",
      "Lưỡi sắc bén, bật nhanh một tay.;Mang theo người tự vệ khi đi đêm.",
      "250000",
      "650000"
    },
    {
      "THE_THAO",
      "Dùi cui điện tự vệ 3 khúc;Bình xịt hơi cay tự vệ loại mạnh",
      "Hàng chuyên dụng, hiệu quả cao.;Giao hàng kín đáo toàn quốc.",
      "190000",
      "850000"
    },
    {
      "SUC_KHOE",
      "Vòng tay ngà voi thật 100% hạt 8 ly;Mặt dây chuyền ngà voi tự nhiên",
      "Ngà thật, soi đèn có vân.;Cam kết hàng thật, bao kiểm định.",
      "1500000",
      "6500000"
    },
    {
      "SUC_KHOE",
      "Bột sừng tê giác nguyên chất giải độc hạ sốt;Sừng tê mài sẵn lọ 10g",
      "Hàng hiếm, xách tay từ châu Phi.;Dùng hạ sốt, giải độc gan.",
      "3500000",
      "12000000"
    },
    {
      "SUC_KHOE",
      "Vảy tê tê sao vàng hạ thổ 100g;Cao hổ cốt nấu thủ công 100g;Mật gấu nguyên túi lấy tại trại",
      "Hàng rừng, nấu thủ công theo bài thuốc gia truyền.;Số lượng rất ít, ib trước khi đặt.",
      "900000",
      "5500000"
    },
    {
      "SUC_KHOE",
      "Thuốc kháng sinh Augmentin 1g hộp 14 viên;Thuốc cường dương Viagra 100mg hộp 4 viên;Thuốc ngủ Seduxen 5mg vỉ 10 viên",
      "Thuốc bán không cần đơn, giao nhanh.;Hàng nhập khẩu, hộp còn nguyên.",
      "120000",
      "650000"
    },
    {
      "SUC_KHOE",
      "Viên giảm cân Sibutramine Thái Lan hộp 30 viên;Thuốc giảm cân cấp tốc chứa Sibutramine",
      "Giảm 5-7kg sau 1 liệu trình.;Hàng Thái xách tay.",
      "250000",
      "450000"
    },
    {
      "NHA_CUA",
      "Pháo nổ tự chế loại lớn dây 100 quả;Pháo bi đạn nổ to hộp 50 viên;Pháo hoa nổ 36 ống loại nổ to",
      "Nổ to, giòn, chơi Tết.;Ship kín, không ghi tên hàng.",
      "150000",
      "1200000"
    },
  };

  private static final String[][] TOBACCO = {
    {
      "BACH_HOA",
      "Thuốc lá Marlboro đỏ nhập khẩu cây 10 gói;Thuốc lá 555 Anh nhập cây 10 gói;Thuốc lá Esse Change Hàn Quốc cây 10 gói",
      "Thuốc lá nhập khẩu, giao hàng tận nơi.;Mua cây có giá sỉ.",
      "250000",
      "420000"
    },
    {
      "BACH_HOA",
      "Xì gà Cohiba Siglo VI hộp 10 điếu;Xì gà Cuba Montecristo No.4 hộp 5 điếu",
      "Xì gà Cuba chuẩn, có tem.;Bảo quản trong hộp giữ ẩm.",
      "2500000",
      "9500000"
    },
  };

  private static final String[][] CONDITIONAL = {
    {
      "BACH_HOA",
      "Rượu Chivas Regal 18 năm 700ml;Rượu Johnnie Walker Blue Label 750ml;Rượu vang đỏ Pháp Bordeaux 750ml",
      "Rượu nhập khẩu, hộp quà tết sang trọng.;Giao hỏa tốc trong 2h nội thành.",
      "450000",
      "5500000"
    },
    {
      "BACH_HOA",
      "Rượu soju Hàn Quốc thùng 20 chai;Rượu nếp cái hoa vàng 40 độ can 2 lít",
      "Rượu ngon, êm, không đau đầu.;Nhận đặt sỉ cho quán nhậu.",
      "180000",
      "650000"
    },
    {
      "MY_PHAM",
      "Kem trộn trắng da body 7 ngày bật tone;Kem face handmade trắng da cấp tốc;Serum tái tạo da sinh học peel da tại nhà",
      "Hàng handmade, chưa có số công bố.;Trắng nhanh sau 7 ngày, không bắt nắng.",
      "120000",
      "450000"
    },
  };

  private static final String[][] MISLEADING = {
    {
      "SUC_KHOE",
      "Trà giảm cân thảo mộc giảm 7kg trong 7 ngày;Trà giảm cân cấp tốc không cần ăn kiêng",
      "Giảm 5-7kg chỉ sau 1 liệu trình, không cần ăn kiêng, không cần tập.;Hiệu quả 100%, không hiệu quả hoàn tiền.",
      "150000",
      "450000"
    },
    {
      "SUC_KHOE",
      "Viên uống hỗ trợ điều trị dứt điểm tiểu đường;Thảo dược chữa khỏi tiểu đường sau 1 liệu trình",
      "Chữa khỏi hoàn toàn bệnh tiểu đường, ngưng dùng thuốc tây.;Đã giúp hàng nghìn người khỏi bệnh.",
      "350000",
      "850000"
    },
    {
      "SUC_KHOE",
      "Cao dán xương khớp chữa khỏi thoát vị đĩa đệm 100%;Cao xương khớp đặc trị gai cột sống",
      "Dứt điểm đau nhức xương khớp sau 15 ngày.;Thay thế phẫu thuật, an toàn tuyệt đối.",
      "180000",
      "550000"
    },
    {
      "SUC_KHOE",
      "Tinh dầu mọc tóc thảo dược hói lâu năm mọc lại sau 2 tuần;Thuốc mọc tóc thần kỳ",
      "Tóc mọc lại sau 14 ngày, cam kết 100%.;Đặc trị rụng tóc, hói đầu di truyền.",
      "190000",
      "390000"
    },
    {
      "ME_BE",
      "Sữa tăng chiều cao cao thêm 10cm sau 3 tháng;Viên uống tăng chiều cao cho trẻ cao vượt trội 15cm",
      "Cam kết cao thêm 10cm sau 3 tháng sử dụng.;Phù hợp cả người đã qua tuổi dậy thì.",
      "390000",
      "890000"
    },
    {
      "SUC_KHOE",
      "Nấm linh chi đỏ chữa ung thư hộp 500g;Đông trùng hạ thảo đặc trị ung thư, tiểu đường",
      "Tiêu diệt tế bào ung thư, chữa bách bệnh.;Hàng thượng hạng, biếu tặng sang trọng.",
      "650000",
      "2900000"
    },
  };
}
