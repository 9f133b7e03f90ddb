package org.markwatch.crawler.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Server-side request forgery guard: refuses hosts that resolve to any address outside the public
 * internet. Every resolved address is checked, not just the first, because a name with one public
 * and one private address would otherwise let the connection pick the private one. Loopback can be
 * allowed explicitly (tests and the demo, which serve from 127.0.0.1); private, link-local
 * (including 169.254.169.254 cloud metadata), multicast and reserved ranges never are.
 */
public final class AddressGuard {
  private final boolean allowLoopback;
  private final Set<Integer> loopbackPorts;

  /**
   * @param allowLoopback whether 127.0.0.0/8 and ::1 may be contacted (default in production:
   *     false)
   */
  public AddressGuard(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
    this.loopbackPorts = Set.of();
  }

  private AddressGuard(Set<Integer> loopbackPorts) {
    this.allowLoopback = true;
    this.loopbackPorts = Set.copyOf(loopbackPorts);
  }

  /**
   * A guard that allows loopback only on the given ports (and refuses loopback on every other
   * port). Lets tests prove a refusal without ever leaving 127.0.0.1: one local server is allowed,
   * a second one stands in for the private address an attacker would redirect to.
   */
  public static AddressGuard loopbackOnlyOnPorts(Set<Integer> ports) {
    if (ports.isEmpty()) {
      throw new IllegalArgumentException(
          "give at least one loopback port (or use new AddressGuard(false))");
    }
    return new AddressGuard(ports);
  }

  public boolean allowsLoopback() {
    return allowLoopback;
  }

  /** Resolves {@code host} and checks every address; returns them in resolver order. */
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
    check(host, addresses);
    return addresses;
  }

  /**
   * Resolves {@code host} and checks every address for a connection to {@code port} (the port
   * matters only for a guard made by {@link #loopbackOnlyOnPorts}).
   */
  public List<InetAddress> resolve(String host, int port) throws UnknownHostException {
    List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
    check(host, addresses, port);
    return addresses;
  }

  /** As {@link #check(String, List)}, for a connection to {@code port}. */
  public void check(String host, List<InetAddress> addresses, int port)
      throws BlockedAddressException {
    check(host, addresses);
    if (!loopbackPorts.isEmpty() && !loopbackPorts.contains(port)) {
      for (InetAddress a : addresses) {
        if (a.isLoopbackAddress()) {
          throw new BlockedAddressException(
              "refused to fetch "
                  + host
                  + ":"
                  + port
                  + ": "
                  + a.getHostAddress()
                  + " is a loopback address and port "
                  + port
                  + " is not allowed");
        }
      }
    }
  }

  /**
   * Throws when any of {@code addresses} is refused; the message names the host and the address.
   */
  public void check(String host, List<InetAddress> addresses) throws BlockedAddressException {
    if (addresses.isEmpty()) {
      throw new BlockedAddressException(host + " resolved to no address");
    }
    for (InetAddress a : addresses) {
      String why = refusal(a);
      if (why != null) {
        throw new BlockedAddressException(
            "refused to fetch " + host + ": " + a.getHostAddress() + " is " + why);
      }
    }
  }

  /** Null when the address may be contacted, else the reason (e.g. "a private address"). */
  public String refusal(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return allowLoopback ? null : "a loopback address (allowed only in test and demo mode)";
    }
    if (a.isAnyLocalAddress()) return "the unspecified address";
    if (a.isLinkLocalAddress()) return "a link-local address";
    if (a.isSiteLocalAddress()) return "a private address";
    if (a.isMulticastAddress()) return "a multicast address";
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if (b0 == 0) return "in 0.0.0.0/8 (this network)";
      if (b0 == 100 && b1 >= 64 && b1 <= 127) return "a carrier-grade NAT address (100.64.0.0/10)";
      if (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0)
        return "an IETF protocol address (192.0.0.0/24)";
      if (b0 == 198 && (b1 == 18 || b1 == 19)) return "a benchmarking address (198.18.0.0/15)";
      if (b0 >= 240) return "a reserved address (240.0.0.0/4)";
    } else if (a instanceof Inet6Address) {
      int b0 = b[0] & 0xff;
      if ((b0 & 0xfe) == 0xfc) return "a unique-local address (fc00::/7)";
      if (isEmbeddedIpv4(b)) return "an IPv4-compatible or NAT64 address";
    }
    return null;
  }

  // ::a.b.c.d and 64:ff9b::a.b.c.d would reach an IPv4 host that the checks above never saw.
  private static boolean isEmbeddedIpv4(byte[] b) {
    boolean compat = true;
    for (int i = 0; i < 12; i++) {
      compat &= b[i] == 0;
    }
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b;
    return compat || nat64;
  }
}
