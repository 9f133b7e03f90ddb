package org.markwatch.portal.seller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;

/**
 * The seller page names other sellers sharing a phone or Zalo number or a bank account (written the
 * same way or not), within the viewer's jurisdiction.
 */
class SellerPageTest extends PortalTestSupport {

  @Test
  void aNationalAnalystSeesSellersSharingABankAccountOrAPhone() throws Exception {
    String page = new Client().signedIn("analyst").get("/seller?id=chosi:shop:8").body();
    // chosi:shop:9 (Hồ Chí Minh) gave the same Vietcombank account, written differently
    assertThat(page).contains("chosi:shop:9").contains("bank_account Vietcombank 0011 2233 4455");
    // chosi:shop:7 has the same phone number (0912 345 678 = +84 912345678)
    assertThat(page).contains("chosi:shop:7");
    assertThat(
            column(
                "SELECT COUNT(*) FROM seller_contacts WHERE match_kind = 'bank_account'"
                    + " AND value_key = '001122334455'"))
        .containsExactly("2");
  }

  @Test
  void aProvincialAnalystDoesNotSeeAnotherProvincesSellerThroughASharedAccount() throws Exception {
    String page = new Client().signedIn("hanoi").get("/seller?id=chosi:shop:8").body();
    assertThat(page).contains("chosi:shop:7").doesNotContain("chosi:shop:9");
  }
}
