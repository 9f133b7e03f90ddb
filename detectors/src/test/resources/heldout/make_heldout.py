#!/usr/bin/env python3
"""Writes the held-out generated set: heldout.jsonl (markwatch.listing/1) and heldout-labels.jsonl.

Written on 2026-12-06 BEFORE the issue-12 detector work started, apart from the dev set (no title
or phrasing copied from ../shared/data/dev-listings.jsonl), and never used to tune rules, aliases
or weights: it is only scored (HeldOutQualityTest). Labels say what a careful analyst would say:
`brands` are the catalog brands the listing names in the sense meant (a fruit called "mango" names
no brand), `violations` the violation types the listing shows.

Run: python3 make_heldout.py   (rewrites the two files beside it)
"""
import hashlib
import json
import os

# (flagged, brands, violations, title, text, price VND or None, extra fields)
C = []


def case(flagged, brands, violations, title, text="", price=None, **extra):
    C.append((flagged, brands, violations, title, text, price, extra))


CF = ["counterfeit"]
IP = ["ip_infringing"]
SUB = ["substandard"]

# --- counterfeit: admissions and trade words in new phrasings ---------------------------------
case(True, ["gucci"], CF, "Túi xách nữ Gucci Ophidia hàng like au 99% full box", "Da bò thật, khóa kim loại không gỉ", 1450000)
case(True, ["nike"], CF, "Giày Nike Air Max 90 bản trung hàng xưởng Quảng Châu", "Đủ size 36-44", 520000)
case(True, ["rolex"], CF, "Đồng hồ nam Rolex Datejust 41 clean factory máy 3235", "Bảo hành máy 2 năm", 7800000)
case(True, ["ray-ban"], CF, "Kính mát Ray-Ban Aviator replica giá sỉ", "Tròng phân cực", 180000)
case(True, ["chanel"], CF, "Son Chanel Rouge Allure hàng fake đẹp như thật", "", 120000)
case(True, ["versace"], CF, "Thắt lưng nam Versace khóa Medusa rep 1:1", "Da bò nguyên tấm", 690000)
case(True, ["mlb"], CF, "Balo MLB Monogram hàng VNXK xuất dư", "Hàng đẹp không lỗi", 320000)
case(True, ["adidas"], CF, "Giày Adidas Samba OG bản best batch", "Full box bill", 750000)
case(True, ["dior"], CF, "Túi Dior Saddle mirror quality có chip NFC", "", 2900000)
case(True, ["balenciaga"], CF, "Áo thun Balenciaga bản SF logo thêu", "Cotton 100%", 390000)
case(True, ["hermes"], CF, "Dép Hermes Oran siêu cấp da bò lộn", "", 850000)
case(True, ["gucci"], CF, "Gucci GG Marmont small shoulder bag AAA grade replica", "Ships worldwide", None)
case(True, ["rolex"], CF, "Rolex Submariner 41mm super clone VSF 3235 movement", "", None)
case(True, ["louis-vuitton"], CF, "LV Keepall 45 reps best version", "DM for price", None)
case(True, ["cartier"], CF, "Cartier Love bracelet knockoff 18k plated", "", None)
case(True, ["prada"], CF, "Ví nam Prada Saffiano hàng nhái loại đẹp", "", 350000)
case(True, ["fendi"], CF, "Túi Fendi Baguette hàng copy y hệt bản gốc", "", 1650000)
case(True, ["celine"], CF, "Kính Celine Triomphe fake 1 giá tốt", "", 250000)
case(True, ["omega"], CF, "Đồng hồ Omega Speedmaster bản sao cao cấp", "Máy cơ tự động", 3200000)
case(True, ["burberry"], CF, "Khăn choàng Burberry kẻ caro hàng auth like", "", 290000)
# obfuscated names
case(True, ["gucci"], CF, "Túi G.U.C.C.I Horsebit da mềm", "", 690000)
case(True, ["nike"], CF, "Giày N1ke Dunk Low Panda giá rẻ", "", 390000)
case(True, ["chanel"], CF, "Ví Ch@nel Caviar 2 ngăn", "", 450000)
case(True, ["louis-vuitton"], CF, "Túi Lou1s Vu1tton Onthego size 35", "", 1200000)
# grade codes with no replica word
case(True, ["gucci"], CF, "Túi Gucci Jackie 1961 hàng 5A+ da thật", "", 2100000)
case(True, ["nike"], CF, "Giày Nike Air Force 1 Shadow hàng S+", "", 480000)
case(True, ["chanel"], CF, "Túi Chanel 19 hàng AAA loại đẹp", "", 1900000)
case(True, ["hermes"], CF, "Túi Hermes Birkin 25 hàng SC full phụ kiện", "", 3500000)
case(True, ["louis-vuitton"], CF, "Túi LV Alma BB like auth 1:1 hàng Quảng Châu", "", 1800000)
# replica with no replica word, betrayed by the price
case(True, ["vans"], CF, "Giày Vans Old Skool đen trắng", "Đủ size nam nữ", 180000)
case(True, ["louis-vuitton"], CF, "Túi LV Neverfull MM họa tiết Damier", "", 1200000)
case(True, ["omega"], CF, "Đồng hồ Omega Seamaster Diver 300M", "", 2500000)
case(True, ["nike"], CF, "Giày Nike Jordan 4 Retro Military Black", "", 650000)
case(True, ["prada"], CF, "Túi Prada Re-Edition 2005 Nylon", "", 890000)
case(True, ["dior"], CF, "Nước hoa Dior Sauvage EDP 100ml", "", 350000)
case(True, ["rolex"], CF, "Đồng hồ Rolex Daytona mặt xanh", "", 4500000)
case(True, ["converse"], CF, "Giày Converse Chuck 70 cổ cao", "", 210000)
# short forms next to a product word or a line
case(True, ["burberry"], CF, "Áo khoác Burber dạ dáng dài hàng siêu cấp", "", 990000)
case(True, ["balenciaga"], CF, "Giày Balen Track 3.0 rep", "", 850000)

# --- intellectual-property infringing -----------------------------------------------------------
case(True, ["gucci"], IP, "Túi đeo chéo nữ da bò", "Hàng mới về", 950000, seller="Gucci Store VN")
case(True, ["nike"], IP, "Giày thể thao nam chạy bộ êm chân", "", 450000, seller="Nike Sneaker Hà Nội")
case(True, ["chanel"], IP, "Son kem lì mịn môi lâu trôi", "", 150000, seller="chanel.beauty.hcm")
case(True, ["louis-vuitton"], IP, "Túi tote canvas nữ đi học", "", 250000, seller="Louis Vuitton Hà Nội")
case(True, ["chanel"], IP, "Nước hoa nữ inspired by Chanel Coco Mademoiselle 50ml", "Lưu hương 8 tiếng", 220000)
case(True, ["hermes"], IP, "Túi xách dupe Hermes Kelly da PU", "", 390000)
case(True, ["ysl"], IP, "Dupe of YSL Libre perfume 100ml long lasting", "", None)
case(True, ["apple", "louis-vuitton"], IP, "Ốp lưng iPhone 15 họa tiết monogram LV", "", 85000)
case(True, ["gucci"], IP, "Áo thun nam in logo Gucci to sau lưng", "", 160000)
case(True, ["dior"], IP, "Khẩu trang vải in họa tiết Dior Oblique", "", 45000)
case(True, ["nike"], IP, "Vỏ gối ôm in logo Nike Just Do It", "", 70000)
case(True, ["chanel"], IP, "Bông tai nữ logo Chanel chữ C lồng nhau mạ vàng", "", 65000)
case(True, ["adidas"], IP, "Mũ lưỡi trai thêu logo Adidas 3 lá giá xưởng", "", 55000)
case(True, ["dior"], IP, "Kẹp tóc phong cách Dior, lấy cảm hứng từ Dior", "", 40000)

# --- substandard ------------------------------------------------------------------------------
case(True, [], SUB, "Mũ bảo hiểm fullface không có tem CR giá rẻ", "", 150000)
case(True, [], SUB, "Mũ bảo hiểm nửa đầu thời trang, không đạt chuẩn, đội chơi", "", 60000)
case(True, [], SUB, "Mũ bảo hiểm 3/4 in hình", "", 95000, attributes={"Tem hợp quy CR": "Không có"})
case(True, [], SUB, "Đồ chơi slime cho bé không tem hợp quy", "", 25000)
case(True, [], SUB, "Ổ cắm điện kéo dài 6 lỗ chịu tải 20000W", "", 89000)
case(True, [], SUB, "USB 2TB tốc độ cao chống nước", "", 150000)
case(True, [], SUB, "Kem chống nắng SPF 150 PA++++ trắng da", "", 120000)
case(True, [], SUB, "Thép xây dựng phi 10 hàng không tem, không CO CQ", "", 16000)
case(True, [], SUB, "Bình nóng lạnh 30L chưa có chứng nhận hợp quy", "", 1450000)
case(True, [], SUB, "Kem dưỡng trắng da body", "", 180000, attributes={"Số công bố mỹ phẩm": "Không có"})
case(True, [], SUB, "Sạc dự phòng mini 100000mAh siêu nhẹ", "", 199000)
case(True, [], SUB, "Novelty motorcycle helmet, not DOT approved, for show only", "", None)

# --- other violation types, new phrasings -----------------------------------------------------
case(True, [], ["prohibited"], "Thuốc lá điện tử dùng 1 lần Vozol Star 20000 hơi", "", 250000)
case(True, [], ["conditional"], "Rượu Chivas 18 năm 700ml hộp quà Tết", "", 1650000)
case(True, [], ["conditional"], "Whisky Macallan 12 Double Cask 700ml", "", 1950000)
case(True, [], ["restricted"], "Xì gà Cohiba Siglo VI hộp 25 điếu", "", 9000000)
case(True, [], ["misleading"], "Viên uống trị dứt điểm tiểu đường sau 1 liệu trình", "", 390000)
case(True, [], ["misleading"], "Trà thảo mộc chữa khỏi ung thư gan", "", 250000)
case(True, ["enfa"], ["expired"], "Sữa Enfa A+ số 1 lon 830g", "HSD 03/2026", 450000)
case(True, [], ["prohibited"], "Súng hơi PCP Condor bắn chim", "", 6500000)
case(True, [], ["prohibited"], "Mật gấu nguyên chất Tây Bắc", "", 800000)
case(True, [], ["prohibited"], "Thuốc phá thai Mifepristone giao kín đáo", "", 300000)
case(True, [], ["conditional"], "Kem trộn trắng da cấp tốc handmade không công bố", "", 160000)
case(True, ["meiji"], ["smuggled"], "Sữa Meiji thanh 24 thanh hàng nội địa Nhật", "", 520000)

# --- hard negatives: word sense -----------------------------------------------------------------
PHONE = ["Điện thoại & Máy tính bảng", "Điện thoại"]
case(False, ["samsung"], [], "Điện thoại Samsung Galaxy S24 màu Vàng Champagne", "Chính hãng, bảo hành 12 tháng", 18990000, category=PHONE)
case(False, ["apple"], [], "Ốp lưng iPhone 14 silicon màu đỏ rượu vang", "", 79000, category=["Điện thoại & Phụ kiện", "Ốp lưng"])
case(False, ["3ce"], [], "Son kem lì 3CE Velvet Lip Tint màu Burgundy Wine", "", 320000)
case(False, [], [], "Giày da nam buộc dây màu Cognac", "Da bò thật", 1250000, category=["Giày dép nam", "Giày tây"])
case(False, [], [], "Áo len nữ cổ lọ màu vang đỏ", "", 260000, category=["Thời trang nữ", "Áo len"])
case(False, [], [], "Kẹp tóc hình nơ màu champagne", "", 35000)
case(False, [], [], "Sơn móng tay màu rum nâu ánh vàng", "", 45000, category=["Sắc đẹp", "Trang điểm móng"])
case(False, [], [], "Túi xách nữ màu whisky da PU", "", 320000, category=["Túi ví nữ"])
case(False, [], [], "Mango sấy dẻo 500g", "Xoài cát sấy không đường", 95000, category=["Thực phẩm", "Trái cây sấy"])
case(False, [], [], "Nước rửa chén Sunlight chanh 750g", "", 32000, category=["Nhà cửa", "Chất tẩy rửa"])
case(False, [], [], "Vỏ ốc shell trang trí bể cá", "", 40000, category=["Nhà cửa", "Thủy sinh"])
case(False, [], [], "Giày boots nữ cổ cao da lộn", "", 450000)
case(False, [], [], "Guess Who board game for kids", "", None, category=["Toys & Games", "Board games"])
case(False, [], [], "Bút dạ quang Stabilo Boss Original 6 màu", "", 120000, category=["Văn phòng phẩm"])
case(False, [], [], "Táo Envy New Zealand size 30 (1kg)", "", 150000, category=["Thực phẩm", "Trái cây"])
case(False, [], [], "Xoài cát Hòa Lộc loại 1 (1kg)", "", 60000)
case(False, [], [], "Giày Ananas Vintas Saigon 1980", "", 590000)
case(False, [], [], "Giày Biti's Hunter Street", "", 890000)
case(False, ["xiaomi"], [], "Điện thoại Xiaomi Redmi Note 13 8GB/256GB", "", 5490000, category=PHONE)
case(False, ["samsung"], [], "Tai nghe Samsung Galaxy Buds3 Pro chính hãng", "", 4490000)
case(False, ["xiaomi"], [], "Tai nghe Xiaomi Redmi Buds 5 Pro", "", 1490000)
case(False, [], [], "Tai nghe bluetooth Soundpeats Air3 Deluxe HS", "", 790000)

# --- hard negatives: genuine, official, accessories, second-hand --------------------------------
case(False, ["apple"], [], "Điện thoại iPhone 15 Pro Max 256GB chính hãng VN/A", "", 29990000, seller="Thế Giới Di Động")
case(False, ["mango"], [], "Áo khoác nữ Mango dáng dài", "", 1799000)
case(False, ["calvin-klein"], [], "Calvin Klein quần lót nam cotton set 3", "", 890000)
case(False, ["crocs"], [], "Giày Crocs Classic Clog chính hãng", "", 1290000)
case(False, ["lego"], [], "Lego City 60337 tàu cao tốc", "", 2490000)
case(False, ["jbl"], [], "Loa Bluetooth JBL Flip 6 chính hãng PGI", "", 2490000)
case(False, ["casio"], [], "Đồng hồ Casio G-Shock GA-2100 chính hãng Anh Khuê", "", 3100000)
case(False, ["castrol"], [], "Dầu nhớt Castrol Power1 4T 10W-40 1L", "", 135000)
case(False, ["levis"], [], "Quần jeans nam Levi's 511 Slim", "", 1499000)
case(False, ["samsung"], [], "Ốp lưng cho Samsung Galaxy A55 chống sốc", "", 59000)
case(False, ["apple"], [], "Dây đeo thay thế cho Apple Watch Series 9", "", 89000)
case(False, ["anker"], [], "Sạc dự phòng Anker PowerCore 10000mAh", "", 590000)
case(False, [], [], "Túi tote canvas in chữ Good Vibes", "", 89000)
case(False, ["louis-vuitton"], [], "Túi LV Speedy 30 đã qua sử dụng, pass lại", "Mua ở Paris 2019, còn hóa đơn", 9000000)
case(False, [], [], "Mũ bảo hiểm Asia MT-105 đạt chuẩn QCVN 2:2021 có tem CR", "", 280000)
case(False, [], [], "Đồ chơi xếp hình cho bé có tem hợp quy CR", "", 150000)
case(False, ["anessa"], [], "Kem chống nắng Anessa Perfect UV SPF50+ 60ml", "", 520000, seller="Hasaki Beauty")
case(False, ["chanel"], [], "Nước hoa nữ Chanel Coco Mademoiselle Eau de Parfum 50ml", "", 3900000, seller="Chanel Official Store")
case(False, ["asics"], [], "Giày chạy bộ Asics Gel-Kayano 30", "", 4200000)
case(False, ["logitech"], [], "Bàn phím cơ Logitech G Pro X", "", 2890000)
case(False, ["tommy-hilfiger"], [], "Tommy Hilfiger Men's Classic Fit Polo Shirt", "", None)
case(False, ["the-ordinary"], [], "The Ordinary Niacinamide 10% + Zinc 1% 30ml", "", 290000)
case(False, [], [], "Fake plant for living room 120cm", "", None)
case(False, ["honda"], [], "Mô hình xe Honda CBR 1:12 đồ chơi", "", 250000)
case(False, ["hermes"], [], "Sách hướng dẫn phân biệt túi Hermes thật giả", "", 120000)
case(False, [], [], "Ổ cắm điện 4 lỗ có chứng nhận hợp quy", "", 120000)
case(False, [], [], "Nhẫn vàng 18K đính đá", "", 3500000)
case(False, ["beats"], [], "Tai nghe Beats Studio Pro chính hãng", "", 7990000)
case(False, ["xiaomi"], [], "Đồng hồ thông minh Xiaomi Redmi Watch 4", "", 2190000)
case(False, ["apple"], [], "Kính cường lực cho iPhone 13", "", 49000)
case(False, ["h-m"], [], "H&M Regular Fit Cotton T-shirt", "", None)
case(False, ["decathlon"], [], "Lều cắm trại 4 người Decathlon Quechua", "", 1990000)
case(False, ["innisfree"], [], "Sữa rửa mặt Innisfree trà xanh 150ml", "", 210000)
case(False, ["swarovski"], [], "Dây chuyền Swarovski Millenia chính hãng", "", 3990000, seller="Swarovski Official Store")
case(False, [], [], "Ốp lưng điện thoại họa tiết hoa cúc", "", 35000)
case(False, [], [], "Áo thun in logo công ty theo yêu cầu", "", 65000)
case(False, [], [], "Máy sấy tóc 2000W có chứng nhận hợp quy", "", 290000)
case(False, [], [], "Sạc dự phòng 20000mAh sạc nhanh 22.5W", "", 390000)
case(False, [], [], "Kem chống nắng SPF 50+ PA++++ cho da dầu", "", 180000)
case(False, [], [], "USB 64GB Kingston DataTraveler", "", 120000)
case(False, ["gucci"], [], "Nước hoa Gucci Bloom EDP 100ml chính hãng", "", 3200000, seller="Gucci Official Store")
case(False, ["nike"], [], "Giày Nike Pegasus 41 chính hãng", "", 3519000, seller="Nike Official Store")
case(False, [], [], "Dép tổ ong nam nữ đi mưa", "", 35000)
case(False, [], [], "Quần short nam kaki", "", 129000)
case(False, [], [], "Bộ nồi inox 3 đáy 5 chiếc", "", 690000)
case(False, ["sony"], [], "Tai nghe Sony WH-1000XM5 màu bạc", "", 7490000)
case(False, [], [], "Chai thủy tinh đựng rượu 500ml có nắp", "", 25000, category=["Nhà cửa", "Dụng cụ nhà bếp"])
case(False, [], [], "Vintage silk scarf, burgundy wine colour", "", None)
case(False, ["michelin"], [], "Lốp xe máy Michelin City Grip 2 90/90-14", "", 850000)
case(False, ["shell"], [], "Dầu nhớt Shell Advance AX7 10W-40 1L", "", 145000)


def listing(i, c):
    flagged, brands, violations, title, text, price, extra = c
    h = hashlib.sha256(title.encode()).hexdigest()[:8]
    o = {"schema": "markwatch.listing/1", "id": f"heldout:{i}:{h}", "platform": "shopee", "kind": "product",
         "url": f"https://shopee.example.vn/heldout/{i}", "observedAt": "2026-11-20T08:00:00Z", "title": title}
    if text:
        o["text"] = text
    o["seller"] = {"id": f"shopee:shop:h{i}", "name": extra.get("seller", f"Shop {i}"), "province": "Hà Nội"}
    if price is not None:
        o["price"] = {"amount": price, "currency": "VND"}
    if "category" in extra:
        o["category"] = extra["category"]
    if "attributes" in extra:
        o["attributes"] = extra["attributes"]
    label = {"id": o["id"], "flagged": flagged, "brands": brands, "violations": violations}
    return o, label


here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "heldout.jsonl"), "w") as lf, open(os.path.join(here, "heldout-labels.jsonl"), "w") as bf:
    for i, c in enumerate(C):
        o, lab = listing(i, c)
        lf.write(json.dumps(o, ensure_ascii=False) + "\n")
        bf.write(json.dumps(lab, ensure_ascii=False) + "\n")
print(len(C), "cases;", sum(1 for c in C if c[0]), "flagged")
