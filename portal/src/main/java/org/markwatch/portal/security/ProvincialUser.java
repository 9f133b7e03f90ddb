package org.markwatch.portal.security;

import java.util.List;

/** A principal that belongs to a province: its name under every name addresses use for it. */
public interface ProvincialUser {
  /** Empty for a national user. */
  List<String> provinceNames();
}
