package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SiteProfileTest {

  @Test
  void everyProfileOfTheProjectLoads() {
    SiteProfiles profiles = SiteProfiles.load(Path.of("..", "conf", "sources", "profiles"));
    assertThat(profiles.profiles())
        .extracting(SiteProfile::name)
        .contains("mangxa", "chosi", "muaban");
    SiteProfile mangxa = profiles.named("mangxa").orElseThrow();
    assertThat(mangxa.kind()).isEqualTo("post");
    assertThat(mangxa.item()).isEqualTo("article.post");
    assertThat(mangxa.fields().get("sellerUrl"))
        .isEqualTo(new SiteProfile.Selector("a.author", "href"));
    assertThat(mangxa.listingId().attribute()).isEqualTo("data-post-id");
    assertThat(profiles.forUrl("https://muaban.vn/san-pham/ao-thun-i123.html"))
        .map(SiteProfile::name)
        .contains("muaban");
    assertThat(profiles.forUrl("https://example.com/nothing")).isEmpty();
  }

  @Test
  void unknownKeyIsRefusedWithFileLineAndField() {
    String yaml =
        """
        platform: shopx
        kind: product
        fields:
          title: h1
          prise: .price
        """;
    assertThatThrownBy(() -> SiteProfile.parse("shopx.yaml", yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("shopx.yaml:5: unknown field 'fields.prise'");
  }

  @Test
  void unknownTopLevelKey() {
    assertThatThrownBy(() -> SiteProfile.parse("a.yaml", "platform: a\nitems: article\n"))
        .hasMessageStartingWith("a.yaml:2: unknown field 'items'");
  }

  @Test
  void badSelectorRegexAndValues() {
    assertThatThrownBy(
            () -> SiteProfile.parse("b.yaml", "platform: b\nfields:\n  price: 'div[class'\n"))
        .hasMessageStartingWith("b.yaml:3: field 'fields.price': bad CSS selector 'div[class'");
    assertThatThrownBy(() -> SiteProfile.parse("c.yaml", "platform: c\nid:\n  url: '/p/(\\d+'\n"))
        .hasMessageStartingWith("c.yaml:3: field 'id.url': bad regular expression");
    assertThatThrownBy(() -> SiteProfile.parse("d.yaml", "platform: d\nid:\n  url: '/p/\\d+'\n"))
        .hasMessageContaining("d.yaml:3: field 'id.url'")
        .hasMessageContaining("needs a group");
    assertThatThrownBy(() -> SiteProfile.parse("e.yaml", "kind: product\n"))
        .hasMessage("e.yaml:1: field 'platform' is required");
    assertThatThrownBy(() -> SiteProfile.parse("f.yaml", "platform: F Shop\n"))
        .hasMessageStartingWith("f.yaml:1: field 'platform': 'F Shop' must be a lowercase slug");
    assertThatThrownBy(() -> SiteProfile.parse("g.yaml", "platform: g\nkind: listing\n"))
        .hasMessageStartingWith("g.yaml:2: field 'kind': 'listing' must be product or post");
    assertThatThrownBy(() -> SiteProfile.parse("h.yaml", "platform: h\npriceFromText: maybe\n"))
        .hasMessageStartingWith(
            "h.yaml:2: field 'priceFromText': Cannot deserialize value of type `java.lang.Boolean`");
    assertThatThrownBy(
            () -> SiteProfile.parse("h2.yaml", "platform: h\nfields:\n  title: [h1, h2]\n"))
        .hasMessageStartingWith(
            "h2.yaml:3: field 'fields.title': Cannot deserialize value of type `java.lang.String`");
    assertThatThrownBy(
            () -> SiteProfile.parse("i.yaml", "platform: i\nfields:\n  images: 'img @1src'\n"))
        .hasMessageStartingWith("i.yaml:3: field 'fields.images': '1src' is not an attribute name");
  }

  @Test
  void brokenYamlNamesTheLine() {
    assertThatThrownBy(() -> SiteProfile.parse("j.yaml", "platform: j\nfields: [a, b\n"))
        .hasMessageStartingWith("j.yaml:")
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> SiteProfile.parse("k.yaml", "platform: k\nplatform: k2\n"))
        .hasMessageContaining("k.yaml:2");
  }

  @Test
  void defaultsAndSelectorSyntax() {
    SiteProfile p =
        SiteProfile.parse(
            "conf/x/shop-y.yml",
            """
        platform: shopy
        fields:
          images: 'div.gallery img @data-src'
          text: '.desc'
        """);
    assertThat(p.name()).isEqualTo("shop-y");
    assertThat(p.kind()).isEqualTo("product");
    assertThat(p.priceFromText()).isFalse();
    assertThat(p.contactsFromText()).isTrue();
    assertThat(p.fields().get("images"))
        .isEqualTo(new SiteProfile.Selector("div.gallery img", "data-src"));
    assertThat(p.fields().get("text")).isEqualTo(new SiteProfile.Selector(".desc", null));
  }
}
