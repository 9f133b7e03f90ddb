package org.markwatch.portal.security;

/** Where logins and failed logins are recorded (the audit log). */
public interface LoginEvents {
  void succeeded(String username, String address);

  void failed(String username, String address, String reason);
}
