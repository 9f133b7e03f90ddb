package org.markwatch.demo;

/** Marketplace categories; the slug is the same on both marketplaces. */
enum Category {
  THOI_TRANG("thoi-trang-tui-xach", "Thời Trang & Túi Xách"),
  GIAY_DEP("giay-dep", "Giày Dép"),
  DONG_HO("dong-ho-trang-suc", "Đồng Hồ & Trang Sức"),
  MY_PHAM("my-pham-lam-dep", "Mỹ Phẩm & Làm Đẹp"),
  DIEN_THOAI("dien-thoai-phu-kien", "Điện Thoại & Phụ Kiện"),
  DIEN_TU("thiet-bi-dien-tu", "Thiết Bị Điện Tử"),
  ME_BE("me-va-be", "Mẹ & Bé"),
  SUC_KHOE("suc-khoe", "Sức Khỏe"),
  NHA_CUA("nha-cua-doi-song", "Nhà Cửa & Đời Sống"),
  THE_THAO("the-thao-da-ngoai", "Thể Thao & Dã Ngoại"),
  BACH_HOA("bach-hoa-online", "Bách Hóa Online"),
  XE("o-to-xe-may", "Ô Tô & Xe Máy");

  final String slug;
  final String title;

  Category(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }
}
