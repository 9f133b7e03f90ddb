package org.markwatch.portal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Login events to the log, where no audit log is configured (never a password). */
final class LoggedLoginEvents implements LoginEvents {
  private static final Logger LOG = LoggerFactory.getLogger(LoggedLoginEvents.class);

  @Override
  public void succeeded(String username, String address) {
    LOG.info("login {} from {}", username, address);
  }

  @Override
  public void failed(String username, String address, String reason) {
    LOG.warn("failed login {} from {}: {}", username, address, reason);
  }
}
