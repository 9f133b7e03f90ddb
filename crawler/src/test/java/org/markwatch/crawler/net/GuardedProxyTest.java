package org.markwatch.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markwatch.crawler.testing.TestSite;

/** The guarding proxy spoken to over a raw socket, as Chromium speaks to it. */
class GuardedProxyTest {

  private static String exchange(GuardedProxy proxy, String request, String tunnelled)
      throws IOException {
    URI p = URI.create(proxy.address());
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.getPort())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (tunnelled == null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      StringBuilder established = new StringBuilder();
      while (!established.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b == -1) {
          return established.toString();
        }
        established.append((char) b);
      }
      out.write(tunnelled.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return established + new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void forwardsAllowedRequestsAndRefusesOtherPortsBeforeConnecting() throws Exception {
    try (TestSite site = new TestSite();
        TestSite internal = new TestSite();
        GuardedProxy proxy =
            new GuardedProxy(AddressGuard.loopbackOnlyOnPorts(Set.of(site.port())))) {
      site.html("/page", "hello from the site");
      internal.html("/secret", "internal");

      String ok =
          exchange(
              proxy,
              "GET "
                  + site.url("/page")
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + site.port()
                  + "\r\nProxy-Connection: keep-alive\r\n\r\n",
              null);
      assertThat(ok)
          .startsWith("HTTP/1.1 200")
          .contains("hello from the site")
          .containsIgnoringCase("connection: close");
      assertThat(site.paths()).containsExactly("/page");
      assertThat(site.hits().get(0).headers()).doesNotContainKey("Proxy-connection");

      String tunnel =
          exchange(
              proxy,
              "CONNECT 127.0.0.1:" + site.port() + " HTTP/1.1\r\n\r\n",
              "GET /page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(tunnel)
          .startsWith("HTTP/1.1 200 Connection Established")
          .contains("hello from the site");

      String refused =
          exchange(proxy, "GET " + internal.url("/secret") + " HTTP/1.1\r\nHost: x\r\n\r\n", null);
      assertThat(refused)
          .startsWith("HTTP/1.1 403")
          .contains(GuardedProxy.BLOCKED_HEADER + ": refused");
      String refusedTunnel =
          exchange(proxy, "CONNECT localhost:" + internal.port() + " HTTP/1.1\r\n\r\n", "");
      assertThat(refusedTunnel).startsWith("HTTP/1.1 403");
      assertThat(proxy.drainRefusals())
          .hasSize(2)
          .allMatch(r -> r.contains("port " + internal.port()));
      assertThat(proxy.drainRefusals()).isEmpty();
      assertThat(internal.hits()).as("the refused server was never contacted").isEmpty();
    }
  }

  @Test
  void productionGuardRefusesLoopbackAndGarbage() throws Exception {
    try (TestSite site = new TestSite();
        GuardedProxy proxy = new GuardedProxy(new AddressGuard(false))) {
      String refused =
          exchange(proxy, "GET " + site.url("/") + " HTTP/1.1\r\nHost: x\r\n\r\n", null);
      assertThat(refused).startsWith("HTTP/1.1 403").contains("loopback");
      assertThat(exchange(proxy, "GET /relative HTTP/1.1\r\nHost: x\r\n\r\n", null))
          .startsWith("HTTP/1.1 400");
      assertThat(exchange(proxy, "nonsense\r\n\r\n", null)).startsWith("HTTP/1.1 400");
      assertThat(site.hits()).isEmpty();
    }
  }
}
