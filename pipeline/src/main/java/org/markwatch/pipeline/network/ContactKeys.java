package org.markwatch.pipeline.network;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.markwatch.model.Contact;
import org.markwatch.model.Listing;
import org.markwatch.model.Seller;

/**
 * The contacts of a listing that can link its seller to others: the seller's phones, Zalo accounts,
 * e-mails and shop URL, and the contacts found in the listing (phone, zalo, bank_account, email,
 * url). Normalised: a phone to its national form (+84 912 345 678 and 0912.345.678 are 0912345678),
 * an e-mail in lower case, a URL without scheme, {@code www.}/{@code m.}, query, fragment and
 * trailing slash. Values too short to identify anyone (a phone under 9 digits, a bank account under
 * 6) are left out: they would link strangers.
 */
public final class ContactKeys {
  private ContactKeys() {}

  /** Every distinct linking contact of the listing, in a stable order. */
  public static List<ContactKey> of(Listing listing) {
    Set<ContactKey> out = new LinkedHashSet<>();
    Seller s = listing.seller();
    if (s != null) {
      each(s.phones(), v -> add(out, "phone", phone(v)));
      each(s.zalo(), v -> add(out, "zalo", zalo(v)));
      each(s.emails(), v -> add(out, "email", email(v)));
      add(out, "shop_url", url(s.url()));
    }
    if (listing.contacts() != null) {
      for (Contact c : listing.contacts()) {
        if (c == null || c.type() == null) {
          continue;
        }
        switch (c.type()) {
          case "phone" -> add(out, "phone", phone(c.value()));
          case "zalo" -> add(out, "zalo", zalo(c.value()));
          case "bank_account" -> add(out, "bank_account", bankAccount(c.value()));
          case "email" -> add(out, "email", email(c.value()));
          case "url" -> add(out, "shop_url", url(c.value()));
          default -> {
            // telegram, other: not one of the identifiers the networks are built on
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  private interface Each {
    void accept(String v);
  }

  private static void each(List<String> values, Each each) {
    if (values != null) {
      for (String v : values) {
        each.accept(v);
      }
    }
  }

  private static void add(Set<ContactKey> out, String kind, String value) {
    if (value != null && value.length() <= 500) {
      out.add(new ContactKey(kind, value));
    }
  }

  /** National form of a Vietnamese phone number (or the digits of a foreign one), else null. */
  public static String phone(String raw) {
    if (raw == null) {
      return null;
    }
    String digits = raw.replaceAll("[^0-9]", "");
    if (raw.strip().startsWith("+84") || (digits.startsWith("84") && digits.length() == 11)) {
      digits = "0" + digits.substring(2);
    }
    return digits.length() >= 9 && digits.length() <= 15 ? digits : null;
  }

  /** A Zalo account: a phone number in its national form, else the account name in lower case. */
  public static String zalo(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String p = phone(raw);
    if (p != null && raw.replaceAll("[0-9+ .()-]", "").isEmpty()) {
      return p;
    }
    String v = raw.strip().toLowerCase(Locale.ROOT);
    v = v.replaceFirst("^(https?://)?(www\\.)?(zalo\\.me/|chat\\.zalo\\.me/)", "");
    return v.length() >= 3 ? v : null;
  }

  public static String email(String raw) {
    if (raw == null) {
      return null;
    }
    String v = raw.strip().toLowerCase(Locale.ROOT);
    int at = v.indexOf('@');
    return at > 0 && at < v.length() - 3 && v.indexOf(' ') < 0 ? v : null;
  }

  public static String bankAccount(String raw) {
    if (raw == null) {
      return null;
    }
    String digits = raw.replaceAll("[^0-9]", "");
    return digits.length() >= 6 && digits.length() <= 24 ? digits : null;
  }

  /** host + path, lower case, without scheme, www./m., query, fragment, trailing slash. */
  public static String url(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.strip();
    if (!v.contains("://")) {
      v = "https://" + v;
    }
    try {
      URI u = new URI(v);
      String host = u.getHost();
      if (host == null || !host.contains(".")) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT).replaceFirst("^(www|m)\\.", "");
      String path = u.getPath() == null ? "" : u.getPath().toLowerCase(Locale.ROOT);
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return host + path;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
