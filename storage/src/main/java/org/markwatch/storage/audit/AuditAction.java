package org.markwatch.storage.audit;

/** What an audit row records. Stored as the lower-case name. */
public enum AuditAction {
  DECISION,
  ASSIGNMENT,
  EXPORT,
  IMPORT,
  LOGIN,
  LOGIN_FAILED,
  LOGOUT,
  USER_ADDED,
  USER_DISABLED,
  USER_ENABLED,
  PASSWORD_RESET,
  API_CLIENT_CREATED,
  API_CLIENT_REVOKED,
  /** A request by an API client (issue 13: token use is audited). */
  API_REQUEST,
  CASE_CREATED,
  CASE_UPDATED,
  CASE_ACTION,
  VIOLATOR_CONFIRMED,
  VIOLATOR_UPDATED,
  /** Public site and origin (issue 13). */
  TIP_RECEIVED,
  TIP_PROCESSED,
  ORIGIN_REGISTERED,
  CASE_INVOICE,
  /** Consumer warnings written, published and withdrawn in the portal (issue 13). */
  WARNING_SAVED,
  WARNING_PUBLISHED,
  WARNING_WITHDRAWN,
  /** A brand granted to (or taken from) a brand owner's user. */
  BRAND_OWNER_GRANTED,
  BRAND_OWNER_REVOKED,
  RULESET_PUBLISHED,
  BACKUP,
  RESTORE;

  public String sql() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
