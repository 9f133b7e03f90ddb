package org.markwatch.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.markwatch.crawler.fetch.FetchLimits;
import org.markwatch.crawler.fetch.FetchOutcome;
import org.markwatch.crawler.fetch.FetchRequest;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.fetch.StaticFetcher;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.testing.TestSite;

class AddressGuardTest {
  private static final FetchLimits LIMITS =
      new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3), 10_000);

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, false, true",
    "127.0.0.1, true, false",
    "::1, false, true",
    "::1, true, false",
    "10.1.2.3, true, true",
    "172.16.0.1, true, true",
    "192.168.1.1, true, true",
    "169.254.169.254, true, true",
    "fe80::1, true, true",
    "fd00::1, true, true",
    "224.0.0.1, true, true",
    "ff02::1, true, true",
    "0.0.0.0, true, true",
    "100.64.0.1, true, true",
    "::ffff:10.0.0.1, true, true",
    "64:ff9b::a00:1, true, true",
    "240.0.0.1, true, true",
    "8.8.8.8, false, false",
    "93.184.216.34, false, false",
    "2606:4700::1111, false, false",
  })
  void refusesNonPublicAddresses(String address, boolean allowLoopback, boolean refused)
      throws Exception {
    String why = new AddressGuard(allowLoopback).refusal(InetAddress.getByName(address));
    assertThat(why != null).as(address + " -> " + why).isEqualTo(refused);
  }

  @Test
  void everyResolvedAddressIsChecked() throws Exception {
    AddressGuard guard = new AddressGuard(false);
    var mixed =
        java.util.List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> guard.check("mixed.example", mixed))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("mixed.example")
        .hasMessageContaining("10.0.0.1")
        .hasMessageContaining("private");
  }

  @Test
  void productionModeNeverContactsLoopbackByLiteralOrByName() throws Exception {
    try (TestSite site = new TestSite();
        StaticFetcher fetcher = new StaticFetcher(new AddressGuard(false), LIMITS, "t")) {
      site.html("/", "secret");
      FetchResult byLiteral = fetcher.fetch(FetchRequest.of(site.url("/")));
      FetchResult byName = fetcher.fetch(FetchRequest.of("http://localhost:" + site.port() + "/"));
      assertThat(byLiteral.outcome()).isEqualTo(FetchOutcome.BLOCKED);
      assertThat(byName.outcome()).isEqualTo(FetchOutcome.BLOCKED);
      assertThat(byName.error()).contains("loopback");
      assertThat(site.hits()).isEmpty();
    }
  }

  @Test
  void redirectToARefusedAddressIsNeverContacted() throws Exception {
    // Loopback allowed on the site's port only: the second server stands in for a private or
    // metadata address, so a regression would show in its log without leaving 127.0.0.1.
    try (TestSite site = new TestSite();
        TestSite internal = new TestSite();
        StaticFetcher fetcher =
            new StaticFetcher(AddressGuard.loopbackOnlyOnPorts(Set.of(site.port())), LIMITS, "t")) {
      internal.html("/admin", "secret");
      site.route(
          "/to-internal",
          ex -> {
            ex.getResponseHeaders().set("Location", internal.url("/admin"));
            ex.sendResponseHeaders(302, -1);
          });
      site.route(
          "/to-internal-by-name",
          ex -> {
            ex.getResponseHeaders()
                .set("Location", "http://localhost:" + internal.port() + "/admin");
            ex.sendResponseHeaders(302, -1);
          });
      for (String path : new String[] {"/to-internal", "/to-internal-by-name"}) {
        FetchResult r =
            fetcher.fetch(new FetchRequest(site.url(path), Set.of(), 5, BrowserSettings.DEFAULT));
        assertThat(r.outcome()).as(path).isEqualTo(FetchOutcome.BLOCKED);
        assertThat(r.error()).as(path).contains("port " + internal.port());
      }
      assertThat(site.paths()).containsExactly("/to-internal", "/to-internal-by-name");
      assertThat(internal.hits()).as("the refused server was never contacted").isEmpty();
    }
  }

  @Test
  void privateAndMetadataAddressesAreRefusedWithTheirReason() throws Exception {
    AddressGuard guard = new AddressGuard(true);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                guard.check(
                    "169.254.169.254",
                    java.util.List.of(InetAddress.getByName("169.254.169.254")),
                    80))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("link-local");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                guard.check("10.0.0.7", java.util.List.of(InetAddress.getByName("10.0.0.7")), 8080))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("private");
  }
}
