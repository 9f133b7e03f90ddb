package org.markwatch.crawler.net;

import java.net.UnknownHostException;

/**
 * A host that resolves to an address the crawler must not contact (private, loopback, link-local,
 * multicast, ...). Extends {@link UnknownHostException} because that is what OkHttp's DNS contract
 * allows to be thrown.
 */
public final class BlockedAddressException extends UnknownHostException {
  public BlockedAddressException(String message) {
    super(message);
  }
}
