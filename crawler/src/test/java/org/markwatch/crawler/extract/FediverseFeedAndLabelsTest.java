package org.markwatch.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;

/**
 * A hashtag timeline of a federated network: each post links to itself by its time, under its
 * author's handle ("/@mila/1124…"), some on other servers; the author's link is no item. Also Zen
 * Cart's "Manufactured by:" brand line and the Vietnamese "Giá chưa VAT" price before tax.
 */
class FediverseFeedAndLabelsTest {
  private static final String[][] POSTS = {
    {
      "mila",
      "kiez.example",
      "Verkaufe meine Systemkamera Corvex X-20<br>Zustand sehr gut.",
      "Preis: 420 € VB"
    },
    {
      "jonas",
      "kiez.example",
      "Gut erhaltenes Hollandrad, 28 Zoll<br>Licht geht.",
      "180 €, Abholung"
    },
    {
      "kaddi",
      "kiez.example",
      "Zu verkaufen: Kinderwagen Brumi Duo<br>Mit Babywanne.",
      "95 Euro, nur Abholung."
    },
    {
      "ute",
      "kiez.example",
      "Wer kommt morgen zum Flohmarkt am Kanal?<br>Ich bringe Kaffee mit.",
      "Bis dann!"
    },
    {
      "deniz",
      "troet.example",
      "Mechanische Tastatur Kestrel 75 %<br>Deutsches Layout.",
      "€ 60 inkl. Versand"
    },
    {
      "renate",
      "kiez.example",
      "Bücherkiste Science-Fiction (ca. 40 Bücher)<br>Alles gelesen.",
      "zusammen 25 €"
    },
    {"tom", "norden.example", "Röhrenverstärker Tonwerk V-8<br>Voll funktionsfähig.", "1.150 €"},
    {
      "lia",
      "kiez.example",
      "Konzertkarte für Die Kranichfedern (1 Stück)<br>Kann nicht hin.",
      "38 €"
    },
    {
      "pit",
      "kiez.example",
      "Heute war der Markt wieder schön voll<br>Danke an alle.",
      "Schönes Wochenende"
    },
    {
      "olli",
      "kiez.example",
      "Lego-Sammlung, ca. 3 kg gemischt<br>Aus Nichtraucherhaushalt.",
      "VB 40 €"
    },
    {"fabi", "chaos.example", "Biete: Zelt für 3 Personen<br>Einmal benutzt.", "30 €"},
    {"hanna", "troet.example", "Schreibtisch Eiche massiv<br>160 × 80 cm.", "240 €"},
    {"sven", "kiez.example", "Nähmaschine Adlerstich 215 mit Zubehör<br>Läuft.", "35,50 €"},
  };

  @Test
  void postsOfATimelineAreItemsLinkedByTheirTimeNotTheirAuthors() {
    StringBuilder feed = new StringBuilder("<div role='feed'>");
    for (int i = 0; i < POSTS.length; i++) {
      String[] p = POSTS[i];
      String id = String.valueOf(112400085486325196L + i * 1_000_003L);
      feed.append("<article><div class='status'><div class='status__info'><a href='https://")
          .append(p[1])
          .append("/@")
          .append(p[0])
          .append('/')
          .append(id)
          .append("' class='status__relative-time'><time datetime='2024-05-11T17:23:00Z'>")
          .append(i + 1)
          .append(" Std.</time></a> <a href='https://")
          .append(p[1])
          .append("/@")
          .append(p[0])
          .append("' class='status__display-name'><img src='/a/")
          .append(p[0])
          .append(".png' alt=''><strong>")
          .append(p[0].toUpperCase())
          .append(" K.</strong> <span>@")
          .append(p[0])
          .append("</span></a></div><div class='status__content'><p>")
          .append(p[2])
          .append("</p><p>")
          .append(p[3])
          .append("</p><p><a href='https://kiez.example/tags/flohmarkt'>#flohmarkt</a></p></div>")
          .append(
              "<div class='status__action-bar'><button>Antworten</button><button>Teilen</button>")
          .append("</div></div></article>");
    }
    String page =
        "<html lang='de'><head><title>#flohmarkt - kiez.example</title></head><body>"
            + "<div class='navigation-panel'><a href='/home'>Startseite</a></div>"
            + feed
            + "</div></body></html>";

    List<Listing> out =
        Extraction.extract(TestPages.html("https://kiez.example/tags/flohmarkt", page));

    assertThat(out).hasSize(11);
    assertThat(out.get(0).title()).isEqualTo("Verkaufe meine Systemkamera Corvex X-20");
    assertThat(out.get(0).url()).startsWith("https://kiez.example/@mila/1124");
    assertThat(out).extracting(Listing::url).noneMatch(u -> u.matches("https://[^/]+/@[a-z]+"));
    assertThat(out.get(3).url()).startsWith("https://troet.example/@deniz/");
    assertThat(out)
        .extracting(l -> l.price() == null ? null : l.price().amount().doubleValue())
        .containsExactly(420.0, 180.0, 95.0, 60.0, 25.0, 1150.0, 38.0, 40.0, 30.0, 240.0, 35.5);
  }

  @Test
  void manufacturedByNamesTheBrand() {
    String page =
        "<html lang='en-GB'><head><title>Class 08 Shunter</title></head><body>"
            + "<h1>Class 08 Shunter, BR green</h1><h2 id='productPrices'>"
            + "<span class='normalprice'>£129.99</span> <span class='productSpecialPrice'>£104.99</span></h2>"
            + "<ul id='productDetailsList'><li>Product Code: BWR-H0817</li>"
            + "<li>4 Units in Stock</li><li>Manufactured by: Hatherley Models</li></ul>"
            + "<div id='cartAdd'><input type='submit' value='Add to Cart'></div></body></html>";

    List<Listing> out = Extraction.extract(TestPages.html("https://models.example/class-08", page));

    assertThat(out).hasSize(1);
    assertThat(out.get(0).brandClaimed()).isEqualTo("Hatherley Models");
  }

  @Test
  void markupGivingTheVietnamesePriceBeforeTaxGivesWayToThePriceShown() {
    String page =
        "<html lang='vi'><head><title>Tivi QLED 55 inch</title>"
            + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
            + "\"name\":\"Tivi QLED 55 inch\",\"offers\":{\"@type\":\"Offer\",\"price\":10445455,"
            + "\"priceCurrency\":\"VND\"}}</script></head><body><h1>Tivi QLED 55 inch</h1>"
            + "<div class='detail-price'><div class='row-price'>Giá bán: <span class='price-now'>"
            + "11.490.000 VNĐ</span></div><div class='row-price'>Giá niêm yết: <span class='price-list'>"
            + "15.990.000 VNĐ</span></div><div class='row-vat'>(Giá đã bao gồm VAT · Giá chưa VAT: "
            + "10.445.455 VNĐ)</div></div><button>Mua ngay</button></body></html>";

    List<Listing> out =
        Extraction.extract(TestPages.html("https://dienmay.example/tivi-qled-55", page));

    assertThat(out).hasSize(1);
    assertThat(out.get(0).price().amount()).isEqualByComparingTo("11490000");
  }
}
