package org.markwatch.demo;

import java.util.List;

/** Unbranded everyday goods: the bulk of any marketplace, and hard negatives for a detector. */
final class GenericGoods {
  /** An unbranded item with its price range in VND. */
  record Item(String name, Category category, long minPrice, long maxPrice, String material) {}

  static final List<Item> ITEMS =
      List.of(
          new Item(
              "Áo thun nam cổ tròn cotton 100% form rộng",
              Category.THOI_TRANG, 79_000, 159_000, "Cotton 100%"),
          new Item("Quần short kaki nam túi hộp", Category.THOI_TRANG, 99_000, 189_000, "Kaki"),
          new Item(
              "Váy hoa nhí dáng dài vintage", Category.THOI_TRANG, 149_000, 289_000, "Voan lụa"),
          new Item("Túi tote vải canvas in chữ", Category.THOI_TRANG, 45_000, 99_000, "Canvas"),
          new Item("Dép lê nữ quai ngang đế êm", Category.GIAY_DEP, 39_000, 89_000, "Cao su EVA"),
          new Item(
              "Giày thể thao nữ đế độn tăng chiều cao",
              Category.GIAY_DEP,
              159_000,
              299_000,
              "Da PU"),
          new Item(
              "Bình giữ nhiệt inox 304 dung tích 500ml",
              Category.NHA_CUA,
              69_000,
              149_000,
              "Inox 304"),
          new Item(
              "Nồi chiên không dầu 5L điều khiển cảm ứng",
              Category.NHA_CUA,
              690_000,
              1_290_000,
              "Nhựa PP, lòng nồi chống dính"),
          new Item(
              "Chảo chống dính đáy từ 26cm", Category.NHA_CUA, 129_000, 259_000, "Hợp kim nhôm"),
          new Item(
              "Bộ 6 hộp đựng thực phẩm thủy tinh có nắp",
              Category.NHA_CUA,
              159_000,
              289_000,
              "Thủy tinh chịu nhiệt"),
          new Item(
              "Đèn ngủ LED cảm biến chuyển động", Category.NHA_CUA, 35_000, 79_000, "Nhựa ABS"),
          new Item(
              "Kệ để giày 5 tầng lắp ráp", Category.NHA_CUA, 89_000, 189_000, "Thép sơn tĩnh điện"),
          new Item("Quạt mini cầm tay sạc USB", Category.DIEN_TU, 59_000, 129_000, "Nhựa ABS"),
          new Item(
              "Tai nghe bluetooth không dây chống ồn", Category.DIEN_TU, 119_000, 249_000, "Nhựa"),
          new Item("Cáp sạc nhanh Type-C dây dù 1m", Category.DIEN_THOAI, 29_000, 59_000, "Dây dù"),
          new Item(
              "Giá đỡ điện thoại để bàn gấp gọn",
              Category.DIEN_THOAI,
              25_000,
              55_000,
              "Hợp kim nhôm"),
          new Item(
              "Balo laptop chống nước 15.6 inch",
              Category.THOI_TRANG,
              189_000,
              349_000,
              "Vải Oxford"),
          new Item(
              "Kẹp tóc càng cua phong cách Hàn",
              Category.THOI_TRANG,
              15_000,
              39_000,
              "Nhựa acetate"),
          new Item("Thảm tập yoga TPE 6mm", Category.THE_THAO, 129_000, 229_000, "TPE"),
          new Item("Dây nhảy thể dục có bộ đếm", Category.THE_THAO, 45_000, 99_000, "Thép bọc PVC"),
          new Item(
              "Lều cắm trại 4 người chống mưa",
              Category.THE_THAO,
              390_000,
              790_000,
              "Vải polyester"),
          new Item(
              "Bánh tráng trộn Tây Ninh túi 500g", Category.BACH_HOA, 35_000, 65_000, "Thực phẩm"),
          new Item("Khô gà lá chanh hũ 300g", Category.BACH_HOA, 69_000, 119_000, "Thực phẩm"),
          new Item(
              "Cà phê rang xay nguyên chất Buôn Ma Thuột 500g",
              Category.BACH_HOA,
              110_000,
              189_000,
              "Thực phẩm"),
          new Item("Khăn sữa sợi tre cho bé set 5 cái", Category.ME_BE, 49_000, 99_000, "Sợi tre"),
          new Item("Bình sữa cổ rộng PPSU 240ml", Category.ME_BE, 129_000, 239_000, "Nhựa PPSU"),
          new Item(
              "Miếng dán hạ sốt thảo dược hộp 6 miếng", Category.SUC_KHOE, 35_000, 59_000, "Gel"),
          new Item("Áo mưa bộ cao cấp vải dù", Category.XE, 99_000, 189_000, "Vải dù"),
          new Item("Mũ bảo hiểm 3/4 có kính", Category.XE, 159_000, 299_000, "Nhựa ABS"),
          new Item(
              "Sạc dự phòng 10000mAh sạc nhanh 22.5W",
              Category.DIEN_THOAI,
              159_000,
              259_000,
              "Nhựa"));

  private GenericGoods() {}
}
