package org.markwatch.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The branded products of the demo world with realistic genuine prices (VND, late 2025). Brand ids
 * are those of core-brands.tsv. A data table: one line per product.
 */
final class ProductCatalog {

  /** What kind of good a product is; decides its category and the phrases used for it. */
  enum Kind {
    BAG(Category.THOI_TRANG),
    CLOTHES(Category.THOI_TRANG),
    SHOES(Category.GIAY_DEP),
    WATCH(Category.DONG_HO),
    JEWELLERY(Category.DONG_HO),
    EYEWEAR(Category.DONG_HO),
    PERFUME(Category.MY_PHAM),
    MAKEUP(Category.MY_PHAM),
    SKINCARE(Category.MY_PHAM),
    PHONE(Category.DIEN_THOAI),
    AUDIO(Category.DIEN_TU),
    GADGET(Category.DIEN_TU),
    CAMERA(Category.DIEN_TU),
    APPLIANCE(Category.NHA_CUA),
    LIGHTER(Category.NHA_CUA),
    MILK(Category.ME_BE),
    SUPPLEMENT(Category.SUC_KHOE),
    HEALTH(Category.SUC_KHOE),
    AUTO(Category.XE);

    final Category category;

    Kind(Category category) {
      this.category = category;
    }

    boolean tech() {
      return this == PHONE
          || this == AUDIO
          || this == GADGET
          || this == CAMERA
          || this == APPLIANCE;
    }

    boolean beauty() {
      return this == PERFUME || this == MAKEUP || this == SKINCARE;
    }

    boolean fashion() {
      return this == BAG
          || this == CLOTHES
          || this == SHOES
          || this == WATCH
          || this == JEWELLERY
          || this == EYEWEAR
          || this == LIGHTER;
    }

    boolean consumable() {
      return this == MILK || this == SUPPLEMENT || this == HEALTH;
    }
  }

  /**
   * A brand as the demo writes it.
   *
   * @param origin country of manufacture as a Vietnamese listing states it
   * @param aliases short names and obfuscations counterfeiters write instead of the name
   */
  record Brand(String id, String name, String origin, List<String> aliases) {}

  /**
   * A product. {@code pattern} holds "{b}" where the brand name goes.
   *
   * @param luxury sold online almost only as a counterfeit (or second hand)
   * @param faked often counterfeited although also sold genuinely
   */
  record Product(
      Brand brand, String pattern, Kind kind, long genuinePrice, boolean luxury, boolean faked) {
    String name() {
      return named(brand.name());
    }

    String named(String brandText) {
      return pattern.replace("{b}", brandText);
    }
  }

  // id | name | origin | aliases (obfuscations, ';'-separated)
  private static final String BRANDS =
      """
      louis-vuitton|Louis Vuitton|Pháp|LV;L.V;Louis Vuiton;L0uis Vuitton
      gucci|Gucci|Ý|G.u.c.c.i;Gucc1;Guci
      chanel|Chanel|Pháp|Ch@nel;C.h.a.n.e.l;Chanell;Chan3l
      hermes|Hermès|Pháp|Hermes;H.e.r.m.e.s;Hermess;HM
      dior|Dior|Pháp|D.i.o.r;Dio;Di0r
      ysl|Yves Saint Laurent|Pháp|YSL;Y.S.L;Saint Lauren
      prada|Prada|Ý|Pr@da;P.r.a.d.a;Prad
      burberry|Burberry|Anh|Burbery;B.u.r.b.e.r.r.y;BBR
      balenciaga|Balenciaga|Tây Ban Nha|Balen;Balenciag@;B.a.l.e.n.c.i.a.g.a
      versace|Versace|Ý|Versac3;V.e.r.s.a.c.e
      celine|Celine|Pháp|Ce1ine;C.e.l.i.n.e
      goyard|Goyard|Pháp|Goyar;G0yard
      fendi|Fendi|Ý|F.e.n.d.i;Fend1
      michael-kors|Michael Kors|Mỹ|MK;Micheal Kors;M.K
      coach|Coach|Mỹ|C0ach;C.o.a.c.h
      charles-keith|Charles & Keith|Singapore|CNK;Charles and Keith;C&K
      lacoste|Lacoste|Pháp|Lacost;L@coste
      mlb|MLB|Hàn Quốc|M.L.B;MLB Korea
      uniqlo|Uniqlo|Việt Nam|Uniqlo
      zara|Zara|Tây Ban Nha|Zara
      levis|Levi's|Mỹ|Levis;Levi
      nike|Nike|Việt Nam|N.i.k.e;Nik3;Naiki
      adidas|Adidas|Việt Nam|Adidaz;A.d.i.d.a.s;Adids
      puma|Puma|Việt Nam|Pumaa;P.u.m.a
      new-balance|New Balance|Việt Nam|NB;N.B;Niu Balance
      converse|Converse|Việt Nam|Convers;CV
      vans|Vans|Việt Nam|Van;V.a.n.s
      asics|Asics|Việt Nam|Asic;A.s.i.c.s
      fila|Fila|Hàn Quốc|F1la;F.i.l.a
      the-north-face|The North Face|Việt Nam|TNF;North Face;N.F
      under-armour|Under Armour|Việt Nam|UA;Under Amour
      skechers|Skechers|Việt Nam|Sketchers;Skecher
      rolex|Rolex|Thụy Sĩ|R0lex;Rolexx;R.o.l.e.x
      omega|Omega|Thụy Sĩ|0mega;O.m.e.g.a
      cartier|Cartier|Pháp|Cartie;C@rtier
      casio|Casio|Thái Lan|Casi0;Casioo;C.a.s.i.o
      seiko|Seiko|Nhật Bản|Seik0
      citizen|Citizen|Nhật Bản|Citizen
      daniel-wellington|Daniel Wellington|Trung Quốc|DW;D.W
      tissot|Tissot|Thụy Sĩ|Tisot;T1ssot
      pandora|Pandora|Thái Lan|Pandor@;P.a.n.d.o.r.a;Pandoraa
      swarovski|Swarovski|Áo|Swarovsky;Swaro
      tiffany|Tiffany & Co.|Mỹ|Tiffany;T1ffany;TF
      ray-ban|Ray-Ban|Ý|Rayban;Ray Ban;R.B
      gentle-monster|Gentle Monster|Hàn Quốc|GM;Gentle Monter
      zippo|Zippo|Mỹ|Zipo;Z1ppo
      mac|MAC Cosmetics|Canada|MAC;M.A.C;Mac
      cerave|CeraVe|Pháp|Cerave;Cera Ve
      la-roche-posay|La Roche-Posay|Pháp|LRP;La Roche Posay;Laroche
      the-ordinary|The Ordinary|Canada|Ordinary;The 0rdinary
      estee-lauder|Estée Lauder|Mỹ|Estee Lauder;Este Lauder;EL
      sk-ii|SK-II|Nhật Bản|SK2;SKII;SK-2
      innisfree|Innisfree|Hàn Quốc|Inisfree;Innis
      laneige|Laneige|Hàn Quốc|Laneig;Lanei
      sulwhasoo|Sulwhasoo|Hàn Quốc|Sulwhasu;Sulwha
      whoo|The History of Whoo|Hàn Quốc|Whoo;Hoo;Whoo Hàn
      ohui|O HUI|Hàn Quốc|Ohui;OHUI
      loreal|L'Oréal|Pháp|Loreal;L'Oreal
      maybelline|Maybelline|Mỹ|Maybeline;Maybel
      lancome|Lancôme|Pháp|Lancome;Lancom
      clinique|Clinique|Mỹ|Cliniq;Clinic
      shiseido|Shiseido|Nhật Bản|Shiseid0;Shisedo
      bioderma|Bioderma|Pháp|Bioderm;Bio derma
      vichy|Vichy|Pháp|Vichi;V1chy
      kiehls|Kiehl's|Mỹ|Kiehls;Kiel
      3ce|3CE|Hàn Quốc|3 CE;3C.E
      senka|Senka|Nhật Bản|Senka
      anessa|Anessa|Nhật Bản|Anesa;Aness@
      apple|Apple|Trung Quốc|Táo;Aple;App1e
      samsung|Samsung|Việt Nam|SS;Sam sung;Samsum
      sony|Sony|Nhật Bản|Sonny;S0ny
      xiaomi|Xiaomi|Trung Quốc|Xiomi;Xiaomy;Mi
      oppo|OPPO|Trung Quốc|Oppo;0ppo
      jbl|JBL|Trung Quốc|J.B.L;JBL loại 1
      marshall|Marshall|Trung Quốc|Marshal;M@rshall
      bose|Bose|Malaysia|B0se;Boss
      beats|Beats|Trung Quốc|Beat;Beatz
      anker|Anker|Trung Quốc|Anke;Ankerr
      dyson|Dyson|Malaysia|Dison;Dyson
      logitech|Logitech|Trung Quốc|Logi;Logitek
      canon|Canon|Nhật Bản|Canon
      sandisk|SanDisk|Malaysia|Sandisk;San Disk
      abbott|Abbott|Mỹ|Abbot;Abott
      meiji|Meiji|Nhật Bản|Meiji;Meji
      blackmores|Blackmores|Úc|Blackmore;Black mores
      nestle|Nestlé|Thụy Sĩ|Nestle;Nesle
      enfa|Enfa|Mỹ|Enfaa;Enfa Mỹ
      vinamilk|Vinamilk|Việt Nam|Vinamilk
      centrum|Centrum|Mỹ|Centrum
      durex|Durex|Thái Lan|Durex;Durexx
      honda|Honda|Việt Nam|Honda
      yamaha|Yamaha|Việt Nam|Yamaha
      castrol|Castrol|Việt Nam|Castrol
      shell|Shell|Việt Nam|Shell
      michelin|Michelin|Thái Lan|Michelin
      """;

  // brand id | pattern | kind | genuine price | flags (L luxury, F often faked)
  private static final String PRODUCTS =
      """
      louis-vuitton|Túi {b} Neverfull MM Monogram|BAG|48500000|L
      louis-vuitton|Ví dài {b} Zippy|BAG|23000000|L
      louis-vuitton|Túi đeo chéo {b} Pochette Métis|BAG|62000000|L
      gucci|Túi {b} GG Marmont matelassé|BAG|58000000|L
      gucci|Thắt lưng {b} GG Supreme|BAG|14500000|L
      gucci|Giày {b} Ace sneaker|SHOES|19500000|L
      gucci|Nước hoa {b} Bloom EDP 100ml|PERFUME|3650000|F
      chanel|Túi {b} Classic Flap caviar|BAG|245000000|L
      chanel|Nước hoa {b} Coco Mademoiselle EDP 100ml|PERFUME|4750000|F
      chanel|Son {b} Rouge Coco|MAKEUP|1250000|F
      hermes|Túi {b} Birkin 30 Togo|BAG|320000000|L
      hermes|Thắt lưng {b} Constance|BAG|21000000|L
      dior|Túi {b} Saddle|BAG|98000000|L
      dior|Son dưỡng {b} Addict Lip Glow|MAKEUP|1050000|F
      dior|Nước hoa {b} Sauvage EDT 100ml|PERFUME|3350000|F
      ysl|Son {b} Rouge Pur Couture|MAKEUP|1150000|F
      ysl|Túi {b} Kate chain|BAG|62000000|L
      prada|Túi {b} Re-Edition 2005 nylon|BAG|46000000|L
      burberry|Khăn choàng {b} cashmere kẻ caro|CLOTHES|19000000|L
      burberry|Nước hoa {b} Her EDP 100ml|PERFUME|3450000|F
      balenciaga|Giày {b} Triple S|SHOES|27500000|L
      balenciaga|Túi {b} Hourglass|BAG|68000000|L
      versace|Nước hoa {b} Eros EDT 100ml|PERFUME|2350000|F
      celine|Túi {b} Triomphe Teen|BAG|82000000|L
      goyard|Túi {b} Saint Louis PM|BAG|42000000|L
      fendi|Túi {b} Baguette|BAG|88000000|L
      michael-kors|Túi {b} Jet Set Travel|BAG|6900000|F
      coach|Túi {b} Tabby 26|BAG|12500000|F
      charles-keith|Túi {b} Gabine|BAG|1790000|F
      charles-keith|Giày cao gót {b} mũi nhọn|SHOES|1390000|F
      lacoste|Áo polo {b} Classic Fit|CLOTHES|2650000|F
      mlb|Mũ bóng chày {b} New York Yankees|CLOTHES|1290000|F
      mlb|Giày {b} Chunky Liner|SHOES|3290000|F
      uniqlo|Áo {b} AIRism cotton cổ tròn|CLOTHES|293000|
      uniqlo|Áo khoác chống nắng {b} UV Cut|CLOTHES|489000|
      zara|Áo blazer {b} dáng suông|CLOTHES|1599000|
      levis|Quần jeans {b} 501 Original|CLOTHES|2099000|F
      nike|Giày {b} Air Force 1 '07|SHOES|2929000|F
      nike|Giày {b} Air Jordan 1 Low|SHOES|3239000|F
      nike|Áo thun {b} Dri-FIT|CLOTHES|790000|
      adidas|Giày {b} Samba OG|SHOES|2700000|F
      adidas|Giày chạy bộ {b} Ultraboost Light|SHOES|4800000|F
      puma|Giày {b} Suede Classic|SHOES|2200000|
      new-balance|Giày {b} 530|SHOES|2690000|F
      new-balance|Giày {b} 550|SHOES|3190000|F
      converse|Giày {b} Chuck 70 cổ cao|SHOES|1900000|F
      vans|Giày {b} Old Skool|SHOES|1750000|F
      asics|Giày chạy bộ {b} Gel-Kayano 30|SHOES|4290000|
      fila|Giày {b} Disruptor II|SHOES|1790000|
      the-north-face|Áo khoác {b} 1996 Retro Nuptse|CLOTHES|8500000|F
      under-armour|Áo thun tập gym {b} HeatGear|CLOTHES|850000|
      skechers|Giày {b} Go Walk 6|SHOES|1690000|
      rolex|Đồng hồ {b} Submariner Date 41mm|WATCH|385000000|L
      rolex|Đồng hồ {b} Datejust 36|WATCH|265000000|L
      omega|Đồng hồ {b} Seamaster Diver 300M|WATCH|145000000|L
      cartier|Vòng tay {b} Love|JEWELLERY|168000000|L
      cartier|Đồng hồ {b} Tank Must|WATCH|78000000|L
      casio|Đồng hồ {b} G-Shock GA-2100|WATCH|3300000|F
      casio|Đồng hồ nam {b} MTP-1374L|WATCH|1850000|
      seiko|Đồng hồ {b} 5 Sports SRPD|WATCH|7800000|
      citizen|Đồng hồ {b} Eco-Drive BM7100|WATCH|5400000|
      daniel-wellington|Đồng hồ {b} Petite Melrose 32mm|WATCH|4190000|F
      tissot|Đồng hồ {b} PRX Powermatic 80|WATCH|18900000|F
      pandora|Vòng tay {b} Moments bạc|JEWELLERY|2290000|F
      pandora|Charm {b} trái tim|JEWELLERY|1690000|F
      swarovski|Dây chuyền {b} Millenia|JEWELLERY|3290000|F
      tiffany|Vòng tay {b} Return to Tiffany|JEWELLERY|12900000|L
      ray-ban|Kính mát {b} Aviator RB3025|EYEWEAR|4350000|F
      gentle-monster|Kính {b} Lang 01|EYEWEAR|6900000|F
      zippo|Bật lửa {b} Armor đồng nguyên khối|LIGHTER|1650000|F
      mac|Son thỏi {b} Ruby Woo|MAKEUP|650000|F
      cerave|Sữa rửa mặt {b} Foaming Cleanser 473ml|SKINCARE|425000|F
      cerave|Kem dưỡng ẩm {b} Moisturising Cream 454g|SKINCARE|465000|
      la-roche-posay|Gel rửa mặt {b} Effaclar 400ml|SKINCARE|495000|F
      la-roche-posay|Kem chống nắng {b} Anthelios UVMune 400 50ml|SKINCARE|545000|F
      the-ordinary|Serum {b} Niacinamide 10% + Zinc 1% 30ml|SKINCARE|295000|F
      estee-lauder|Serum {b} Advanced Night Repair 50ml|SKINCARE|3350000|F
      sk-ii|Nước thần {b} Facial Treatment Essence 230ml|SKINCARE|5690000|F
      innisfree|Serum {b} Green Tea Seed 80ml|SKINCARE|620000|
      laneige|Mặt nạ ngủ môi {b} Lip Sleeping Mask 20g|SKINCARE|390000|F
      sulwhasoo|Tinh chất {b} First Care Activating Serum 90ml|SKINCARE|3250000|F
      whoo|Bộ dưỡng {b} Bichup Royal|SKINCARE|2950000|F
      ohui|Kem dưỡng {b} Prime Advancer|SKINCARE|1550000|
      loreal|Serum {b} Revitalift 1.5% Hyaluronic Acid 30ml|SKINCARE|399000|
      maybelline|Kem nền {b} Fit Me Matte 30ml|MAKEUP|199000|
      lancome|Tinh chất {b} Advanced Génifique 50ml|SKINCARE|3150000|F
      clinique|Kem dưỡng {b} Moisture Surge 50ml|SKINCARE|1050000|
      shiseido|Tinh chất {b} Ultimune 50ml|SKINCARE|2650000|
      bioderma|Nước tẩy trang {b} Sensibio H2O 500ml|SKINCARE|435000|F
      vichy|Dưỡng chất {b} Minéral 89 50ml|SKINCARE|690000|
      kiehls|Kem dưỡng {b} Ultra Facial Cream 50ml|SKINCARE|950000|
      3ce|Son kem {b} Velvet Lip Tint|MAKEUP|390000|F
      senka|Sữa rửa mặt {b} Perfect Whip 120g|SKINCARE|99000|
      anessa|Sữa chống nắng {b} Perfect UV 60ml|SKINCARE|625000|F
      apple|{b} iPhone 15 128GB|PHONE|19490000|
      apple|Tai nghe {b} AirPods Pro 2 USB-C|AUDIO|5990000|F
      apple|Máy tính bảng {b} iPad Gen 10 Wi-Fi 64GB|GADGET|8490000|
      apple|Đồng hồ thông minh {b} Watch Series 9 GPS 41mm|GADGET|9490000|F
      samsung|Điện thoại {b} Galaxy S24 Ultra 256GB|PHONE|26990000|
      samsung|Điện thoại {b} Galaxy A55 5G 8GB/128GB|PHONE|9490000|
      samsung|Tai nghe {b} Galaxy Buds3 Pro|AUDIO|4990000|F
      sony|Tai nghe chống ồn {b} WH-1000XM5|AUDIO|7990000|F
      sony|Máy chơi game {b} PlayStation 5 Slim|GADGET|13490000|
      xiaomi|Điện thoại {b} Redmi Note 13 8GB/128GB|PHONE|4690000|
      xiaomi|Vòng đeo tay thông minh {b} Smart Band 8|GADGET|790000|
      xiaomi|Robot hút bụi {b} Vacuum S10|APPLIANCE|4990000|
      oppo|Điện thoại {b} Reno11 F 5G|PHONE|8990000|
      jbl|Loa bluetooth {b} Flip 6|AUDIO|2790000|F
      jbl|Loa {b} Go 3|AUDIO|890000|F
      marshall|Loa {b} Emberton II|AUDIO|4390000|F
      bose|Tai nghe {b} QuietComfort Ultra Earbuds|AUDIO|6990000|F
      beats|Tai nghe {b} Studio Pro|AUDIO|7990000|F
      anker|Pin sạc dự phòng {b} PowerCore 10000mAh|GADGET|590000|
      anker|Củ sạc nhanh {b} Nano 20W|GADGET|290000|F
      dyson|Máy hút bụi {b} V12 Detect Slim|APPLIANCE|16990000|
      dyson|Máy sấy tóc {b} Supersonic HD08|APPLIANCE|10990000|F
      logitech|Chuột không dây {b} MX Master 3S|GADGET|2490000|
      logitech|Chuột gaming {b} G102 Lightsync|GADGET|399000|F
      canon|Máy ảnh {b} EOS R50 kit 18-45mm|CAMERA|17990000|
      sandisk|Thẻ nhớ {b} Ultra microSDXC 128GB|GADGET|289000|F
      abbott|Sữa bột {b} Ensure Gold 850g|MILK|895000|F
      abbott|Sữa {b} Similac 5G số 4 900g|MILK|655000|F
      meiji|Sữa {b} Step số 1 800g|MILK|545000|F
      blackmores|Dầu cá {b} Fish Oil 1000mg 400 viên|SUPPLEMENT|690000|F
      nestle|Sữa {b} NAN Optipro số 4 1.7kg|MILK|735000|
      enfa|Sữa {b} Enfagrow A+ số 4 1.7kg|MILK|1050000|
      vinamilk|Thùng 48 hộp sữa tươi {b} 100% 180ml|MILK|395000|
      centrum|Viên uống {b} Adults 100 viên|SUPPLEMENT|690000|F
      durex|Bao cao su {b} Invisible hộp 10 cái|HEALTH|215000|
      honda|Bộ nhông sên dĩa {b} Wave Alpha|AUTO|385000|F
      yamaha|Dầu nhớt {b} Yamalube 4T 1L|AUTO|125000|
      castrol|Nhớt {b} Power1 Racing 4T 10W-40 1L|AUTO|165000|F
      shell|Nhớt {b} Advance AX7 10W-40 1L|AUTO|155000|
      michelin|Lốp xe máy {b} City Grip 2 90/90-14|AUTO|690000|
      """;

  private final Map<String, Brand> brands = new LinkedHashMap<>();
  private final List<Product> products = new ArrayList<>();

  ProductCatalog() {
    for (String line : BRANDS.strip().split("\n")) {
      String[] f = line.strip().split("\\|", -1);
      brands.put(f[0], new Brand(f[0], f[1], f[2], List.of(f[3].split(";"))));
    }
    for (String line : PRODUCTS.strip().split("\n")) {
      String[] f = line.strip().split("\\|", -1);
      Brand brand = brands.get(f[0]);
      if (brand == null) {
        throw new IllegalStateException("product line names an unknown brand: " + line);
      }
      products.add(
          new Product(
              brand,
              f[1],
              Kind.valueOf(f[2]),
              Long.parseLong(f[3]),
              f[4].contains("L"),
              f[4].contains("F")));
    }
  }

  Brand brand(String id) {
    Brand brand = brands.get(id);
    if (brand == null) {
      throw new IllegalArgumentException("unknown demo brand: " + id);
    }
    return brand;
  }

  List<Brand> brands() {
    return List.copyOf(brands.values());
  }

  List<Product> products() {
    return List.copyOf(products);
  }

  /** Products sold genuinely online (not luxury-only pieces). */
  List<Product> mass() {
    return products.stream().filter(p -> !p.luxury()).toList();
  }

  /** Products counterfeiters copy: luxury pieces and the often-faked mass products. */
  List<Product> faked() {
    return products.stream().filter(p -> p.luxury() || p.faked()).toList();
  }

  List<Product> ofBrand(String brandId) {
    return products.stream().filter(p -> p.brand().id().equals(brandId)).toList();
  }
}
