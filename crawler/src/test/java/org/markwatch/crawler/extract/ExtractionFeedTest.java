package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Contact;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;

class ExtractionFeedTest {
  private final SiteProfile mangxa = TestPages.profile("mangxa");
  private final List<Listing> posts =
      Extraction.extract(
          TestPages.rendered(
              "http://127.0.0.1:8123/mangxa/feed", TestPages.resource("mangxa-feed.html"), mangxa));

  @Test
  void onePostListingPerArticle() {
    assertThat(posts)
        .extracting(Listing::id)
        .containsExactly("mangxa:1001", "mangxa:1002", "mangxa:1003");
    assertThat(posts)
        .allSatisfy(
            l -> {
              assertThat(l.kind()).isEqualTo("post");
              assertThat(l.platform()).isEqualTo("mangxa");
              assertThat(JsonCodec.decodeListing(JsonCodec.encode(l)).errors()).isEmpty();
            });
  }

  @Test
  void authorIsTheSellerWithProfileId() {
    Listing first = posts.get(0);
    assertThat(first.seller().id()).isEqualTo("mangxa:shop:hoa.shop");
    assertThat(first.seller().name()).isEqualTo("Hoa Shop Auth");
    assertThat(first.seller().url()).isEqualTo("http://127.0.0.1:8123/u/hoa.shop");
    assertThat(posts.get(1).seller().id()).isEqualTo("mangxa:shop:42");
  }

  @Test
  void postFieldsAndMetrics() {
    Listing first = posts.get(0);
    assertThat(first.url()).isEqualTo("http://127.0.0.1:8123/post/1001");
    assertThat(first.text()).startsWith("Túi LV siêu cấp");
    assertThat(first.images())
        .extracting(i -> i.url())
        .containsExactly("http://127.0.0.1:8123/img/1001-a.jpg", "https://cdn.example/1001-b.jpg");
    assertThat(first.metrics().likes()).isEqualTo(1200L);
    assertThat(first.metrics().comments()).isEqualTo(37L);
    assertThat(first.attributes())
        .containsEntry("publishedAt", "2026-11-20T08:15:00+07:00")
        .containsEntry("extractedBy.price", "text")
        .containsEntry("extractedBy.text", "profile");
    assertThat(first.language()).isEqualTo("vi");
  }

  @Test
  void pricesFromPostText() {
    assertThat(posts)
        .extracting(l -> l.price().amount().longValueExact())
        .containsExactly(1_200_000L, 450_000L, 1_800_000L);
    assertThat(posts).extracting(l -> l.price().currency()).containsOnly("VND");
  }

  @Test
  void contactsFromPostText() {
    assertThat(posts.get(0).contacts())
        .contains(
            new Contact("zalo", "0912345678"),
            new Contact("phone", "0908765432"),
            new Contact("bank_account", "Vietcombank 0071000123456"));
    assertThat(posts.get(1).contacts())
        .contains(
            new Contact("phone", "0988123456"),
            new Contact("telegram", "@bena_shop"),
            new Contact("email", "bena.shop@gmail.com"));
    assertThat(posts.get(2).contacts())
        .contains(
            new Contact("phone", "0903111222"),
            new Contact("url", "https://facebook.com/minh.sneaker"));
  }
}
