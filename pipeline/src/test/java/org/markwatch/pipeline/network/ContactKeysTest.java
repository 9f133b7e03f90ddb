package org.markwatch.pipeline.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Contact;
import org.markwatch.model.Listing;
import org.markwatch.model.Seller;

class ContactKeysTest {
  @Test
  void theSameContactWrittenTwoWaysIsOneKey() {
    assertThat(ContactKeys.phone("+84 912 345 678")).isEqualTo("0912345678");
    assertThat(ContactKeys.phone("0912.345.678")).isEqualTo("0912345678");
    assertThat(ContactKeys.phone("84912345678")).isEqualTo("0912345678");
    assertThat(ContactKeys.phone("1234")).isNull();
    assertThat(ContactKeys.zalo("zalo.me/0912345678")).isEqualTo("zalo.me/0912345678".substring(8));
    assertThat(ContactKeys.zalo("0912 345 678")).isEqualTo("0912345678");
    assertThat(ContactKeys.email(" Shop.Rep@Gmail.com ")).isEqualTo("shop.rep@gmail.com");
    assertThat(ContactKeys.email("not an email")).isNull();
    assertThat(ContactKeys.bankAccount("STK: 0071-0006-12345")).isEqualTo("0071000612345");
    assertThat(ContactKeys.url("https://www.Giayxshop.vn/")).isEqualTo("giayxshop.vn");
    assertThat(ContactKeys.url("shopee.vn/giayrep11?sp=1#top")).isEqualTo("shopee.vn/giayrep11");
    assertThat(ContactKeys.url("localhost")).isNull();
  }

  @Test
  void sellerFieldsAndListingContactsTogether() {
    Seller seller =
        new Seller(
            "shopee:shop:1",
            "Giày Rep",
            "https://shopee.vn/giayrep",
            List.of("0912 345 678"),
            List.of("Rep@Shop.vn"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of("+84912345678"));
    Listing l =
        Listing.builder("shopee:1", "shopee", "https://shopee.vn/p/1", "2026-12-01T00:00:00Z")
            .seller(seller)
            .contacts(
                List.of(
                    new Contact("phone", "+84 912 345 678"),
                    new Contact("bank_account", "19036 7788 9900"),
                    new Contact("telegram", "@rep")))
            .build();
    assertThat(ContactKeys.of(l))
        .extracting(ContactKey::key)
        .containsExactly(
            "phone:0912345678",
            "zalo:0912345678",
            "email:rep@shop.vn",
            "shop_url:shopee.vn/giayrep",
            "bank_account:1903677889900");
  }
}
