package org.markwatch.demo;

import static org.markwatch.demo.VnText.pick;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Makes shops and authors with Vietnamese names and, for compliant shops, Decree 52 information.
 */
final class SellerFactory {
  private static final List<String> SHOP_PREFIX =
      List.of("Tiệm", "Shop", "Kho", "Nhà", "Góc", "Thế Giới", "Siêu Thị", "Chợ");
  private static final List<String> SHOP_CORE =
      List.of(
          "Nhà Mây",
          "Bống Bang",
          "Phương Nam",
          "Minh Anh",
          "Hàng Hiệu 247",
          "Gia Dụng Xanh",
          "Mẹ Bắp",
          "Cosmetic House",
          "Điện Máy Sài Gòn",
          "Sneaker Vibe",
          "Đồng Hồ Tân Định",
          "Phụ Kiện Hòa Phát",
          "Bé Yêu",
          "An Khang",
          "Thanh Xuân",
          "Hàng Nhật Nội Địa",
          "Son Môi Xinh",
          "Túi Xinh",
          "Ốp Lưng Rẻ",
          "Nhà Tuệ",
          "Hạnh Phúc",
          "Đại Phát",
          "Lộc Vừng",
          "Cỏ May",
          "Mộc Miên",
          "Ba Con Mèo",
          "Hoa Sữa",
          "Bình An",
          "Việt Tiến",
          "Ông Già Tết",
          "Sóc Nâu",
          "Mây Trắng");
  private static final List<String> FAMILY =
      List.of(
          "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương");
  private static final List<String> MIDDLE =
      List.of("Thị", "Văn", "Minh", "Ngọc", "Thanh", "Hoàng", "Thu", "Gia", "Bảo", "Quốc");
  private static final List<String> GIVEN =
      List.of(
          "Anh", "Linh", "Trang", "Hương", "Tuấn", "Dũng", "Hà", "Phương", "Nam", "Vy", "Khánh",
          "Hùng", "Lan", "Mai", "Thảo", "Quân", "Yến", "Long");
  private static final List<String> STREETS =
      List.of(
          "Nguyễn Trãi",
          "Lê Lợi",
          "Trần Hưng Đạo",
          "Hai Bà Trưng",
          "Điện Biên Phủ",
          "Cách Mạng Tháng Tám",
          "Phan Xích Long",
          "Cầu Giấy",
          "Xã Đàn",
          "Nguyễn Văn Linh",
          "Lê Văn Sỹ",
          "Hoàng Diệu");
  // province | tax code prefix | district
  private static final String[][] PROVINCES = {
    {"TP. Hồ Chí Minh", "03", "Quận 1"},
    {"TP. Hồ Chí Minh", "03", "Quận Bình Thạnh"},
    {"TP. Hồ Chí Minh", "03", "Quận Tân Bình"},
    {"Hà Nội", "01", "Quận Cầu Giấy"},
    {"Hà Nội", "01", "Quận Đống Đa"},
    {"Hà Nội", "01", "Quận Hoàng Mai"},
    {"Đà Nẵng", "04", "Quận Hải Châu"},
    {"Hải Phòng", "02", "Quận Lê Chân"},
    {"Cần Thơ", "18", "Quận Ninh Kiều"},
    {"Bình Dương", "37", "TP. Thủ Dầu Một"},
    {"Đồng Nai", "36", "TP. Biên Hòa"},
    {"Bắc Ninh", "23", "TP. Bắc Ninh"}
  };

  private final Set<String> usedNames = new HashSet<>();

  String shopName(Random r) {
    for (int attempt = 0; ; attempt++) {
      String name =
          pick(r, SHOP_PREFIX) + " " + pick(r, SHOP_CORE) + (attempt > 20 ? " " + attempt : "");
      if (usedNames.add(name)) {
        return name;
      }
    }
  }

  String personName(Random r) {
    return pick(r, FAMILY) + " " + pick(r, MIDDLE) + " " + pick(r, GIVEN);
  }

  /** A social author: a person's name, or a person's shop name as people style them. */
  String authorName(Random r) {
    for (int attempt = 0; ; attempt++) {
      String given = pick(r, GIVEN);
      String name =
          switch (r.nextInt(4)) {
                case 0 ->
                    given
                        + " "
                        + pick(
                            r,
                            "Xách Tay Nhật",
                            "Order Quảng Châu",
                            "Hàng Hiệu",
                            "Bán Online",
                            "Pass Đồ");
                case 1 ->
                    "Mẹ "
                        + pick(r, "Su", "Bin", "Bống", "Sóc", "Na", "Cherry")
                        + " "
                        + pick(r, "Order", "Shop", "Bán Hàng");
                default -> personName(r);
              }
              + (attempt > 20 ? " " + attempt : "");
      if (usedNames.add(name)) {
        return name;
      }
    }
  }

  DemoSeller.BusinessInfo business(Random r, String shopName, boolean company) {
    String[] prov = PROVINCES[r.nextInt(PROVINCES.length)];
    String taxCode = TaxCodes.generate(r, prov[1]);
    String date =
        String.format("%02d/%02d/%d", 1 + r.nextInt(28), 1 + r.nextInt(12), 2012 + r.nextInt(12));
    String legalName;
    String registration;
    if (company) {
      legalName =
          "Công ty TNHH "
              + pick(r, "Thương mại Dịch vụ ", "Thương mại ", "Xuất nhập khẩu ", "")
              + stripPrefix(shopName);
      registration =
          "Giấy chứng nhận đăng ký doanh nghiệp số "
              + taxCode
              + " do Sở Kế hoạch và Đầu tư "
              + prov[0]
              + " cấp lần đầu ngày "
              + date;
    } else {
      legalName = "Hộ kinh doanh " + personName(r);
      registration =
          "Giấy chứng nhận đăng ký hộ kinh doanh số "
              + prov[1]
              + "A8"
              + (100000 + r.nextInt(900000))
              + " do UBND "
              + prov[2]
              + " cấp ngày "
              + date;
    }
    String address =
        "Số "
            + (1 + r.nextInt(250))
            + " "
            + pick(r, STREETS)
            + ", Phường "
            + (1 + r.nextInt(15))
            + ", "
            + prov[2]
            + ", "
            + prov[0];
    String phone = VnText.mobile(r);
    String email =
        VnText.slug(stripPrefix(shopName)).replace("-", "")
            + "@"
            + pick(r, "gmail.com", "yahoo.com.vn", "outlook.com");
    return new DemoSeller.BusinessInfo(
        legalName, taxCode, registration, address, prov[0], phone, email);
  }

  private static String stripPrefix(String shopName) {
    for (String p : SHOP_PREFIX) {
      if (shopName.startsWith(p + " ")) {
        return shopName.substring(p.length() + 1);
      }
    }
    return shopName;
  }
}
