package org.markwatch.crawler.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * OkHttp DNS that checks every resolved address with the {@link AddressGuard} at connection time,
 * so a name that re-resolves to a private address after a redirect (DNS rebinding) is refused too.
 * OkHttp does not consult DNS for IP literals; callers check those with {@link AddressGuard#check}.
 */
public final class GuardedDns implements Dns {
  private final AddressGuard guard;

  public GuardedDns(AddressGuard guard) {
    this.guard = guard;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    return guard.resolve(hostname);
  }
}
