package org.markwatch.portal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;

class QueuePageTest extends PortalTestSupport {

  @Test
  void queueListsFlaggedListingsEscapedWithViolationNamesAndVietnamTimes() throws Exception {
    Client c = new Client().signedIn("analyst");
    String page = c.get("/queue?state=all").body();
    assertThat(page).contains("Thuốc lá điện tử pod").doesNotContain("Áo thun trơn cotton");
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)");
    assertThat(page).contains("Hàng giả (2)").contains("Hàng cấm (1)");
    assertThat(page)
        .as("07:00Z is 14:00 in Hanoi")
        .contains("01/11/2026 14:00")
        .doesNotContain("07:00:00Z");
    assertThat(page).contains("150.000 VND");
    assertThat(page.indexOf("LV rep 1:1"))
        .as("highest score first")
        .isLessThan(page.indexOf("Thuốc lá điện tử pod"));

    String prohibitedOnly = c.get("/queue?state=all&violation=prohibited").body();
    assertThat(prohibitedOnly).contains("Thuốc lá điện tử pod").doesNotContain("LV rep 1:1");
    assertThat(c.get("/queue?violation=bogus").statusCode()).isEqualTo(400);
    assertThat(c.get("/queue?sort=bogus").statusCode()).isEqualTo(400);
  }

  @Test
  void searchIgnoresAccentsAndCaseOverTitleSellerIdAndPhone() throws Exception {
    Client c = new Client().signedIn("analyst");
    assertThat(c.get("/queue?state=all&q=" + enc("nuoc hoa")).body())
        .contains("Nước hoa Chanel")
        .doesNotContain("LV rep");
    assertThat(c.get("/queue?state=all&q=" + enc("NƯỚC HOA")).body()).contains("Nước hoa Chanel");
    assertThat(c.get("/queue?state=all&q=" + enc("thuoc la")).body())
        .contains("Thuốc lá điện tử pod");
    // seller name, without accents
    assertThat(c.get("/queue?state=all&q=" + enc("shop sai gon")).body())
        .contains("Nước hoa Chanel")
        .doesNotContain("Thuốc lá");
    // seller id
    assertThat(c.get("/queue?state=all&q=" + enc("chosi:shop:9")).body())
        .contains("Nước hoa Chanel");
    // phone, written another way than stored
    String byPhone = c.get("/queue?state=all&q=" + enc("+84 987 000 111")).body();
    assertThat(byPhone).contains("Nước hoa Chanel").doesNotContain("Thuốc lá");
    // LIKE wildcards are literal
    assertThat(c.get("/queue?state=all&q=" + enc("%")).body()).contains("Không có tin đăng nào");
  }

  @Test
  void sortsByScoreDateAndPrice() throws Exception {
    Client c = new Client().signedIn("analyst");
    String cheapest = c.get("/queue?state=all&sort=price").body();
    assertThat(cheapest.indexOf("HYPERLINK")).isLessThan(cheapest.indexOf("Thuốc lá"));
    assertThat(cheapest.indexOf("Thuốc lá")).isLessThan(cheapest.indexOf("Nước hoa Chanel"));
    String dearest = c.get("/queue?state=all&sort=price_desc").body();
    assertThat(dearest.indexOf("Nước hoa Chanel")).isLessThan(dearest.indexOf("Thuốc lá"));
    assertThat(c.get("/queue?state=all&sort=date").statusCode()).isEqualTo(200);
  }

  @Test
  void englishOnRequestAndRemembered() throws Exception {
    Client c = new Client().signedIn("analyst");
    assertThat(c.get("/queue").body()).contains("Tin đăng bị gắn cờ");
    assertThat(c.get("/queue?lang=en").body())
        .contains("Flagged listings")
        .contains("Counterfeit (2)");
    assertThat(c.get("/queue").body()).as("the choice is kept").contains("Flagged listings");
    assertThat(c.get("/queue?lang=vi").body()).contains("Tin đăng bị gắn cờ");
  }

  @Test
  void exportsTheFilterAsCsvAndXlsxWithFormulasDefused() throws Exception {
    Client c = new Client().signedIn("analyst");
    HttpResponse<byte[]> csv = c.bytes("/queue/export.csv?state=all&violation=misleading");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains(".csv"));
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFlisting_id,");
    assertThat(text)
        .contains("chosi:5")
        .contains("'=HYPERLINK")
        .doesNotContain(",=HYPERLINK")
        .doesNotContain("chosi:1,");
    assertThat(text.lines().count()).isEqualTo(2);

    HttpResponse<byte[]> xlsx = c.bytes("/queue/export.xlsx?state=all&q=" + enc("nuoc hoa"));
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("listing_id");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("chosi:4");
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue())
          .isEqualTo("Nước hoa Chanel No5 auth");
      assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("Hàng giả");
      assertThat(sheet.getLastRowNum()).isEqualTo(1);
    }
    assertThat(
            column("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND actor = 'analyst'"))
        .first()
        .satisfies(n -> assertThat(Integer.parseInt(n)).isGreaterThanOrEqualTo(2));
  }

  @Test
  void listingPageShowsSignalsHistoryChartAndNeverLinksAHostileUrl() throws Exception {
    Client c = new Client().signedIn("analyst");
    String page = c.get("/listing?id=" + enc("chosi:1")).body();
    assertThat(page)
        .contains("counterfeit.admission")
        .contains("rep 1:1")
        .contains("louis-vuitton")
        .contains("Shop Hoa Mai")
        .contains("Hàng giả");
    assertThat(page).contains("<svg").contains("<polyline");
    assertThat(page.split("<circle", -1).length - 1).as("one point per observation").isEqualTo(3);
    assertThat(page)
        .contains("450.000 VND")
        .contains("420.000 VND")
        .contains("390.000 VND")
        .contains("08/11/2026 14:00")
        .contains("15/11/2026 14:00");
    assertThat(page).doesNotContain("href=\"javascript:");
    assertThat(c.get("/listing?id=nope").statusCode()).isEqualTo(404);
  }

  @Test
  void sellerPageShowsListingsContactsAndSellersSharingAPhone() throws Exception {
    Client c = new Client().signedIn("analyst");
    String page = c.get("/seller?id=" + enc("chosi:shop:7")).body();
    assertThat(page)
        .contains("LV rep 1:1")
        .contains("Thuốc lá điện tử pod")
        .contains("Áo thun trơn cotton");
    assertThat(page).contains("zalo: 0912345678");
    assertThat(page)
        .as("+84 912345678 is the same phone")
        .contains("Shop Hoa Đào")
        .doesNotContain("Shop Sài Gòn");
  }
}
