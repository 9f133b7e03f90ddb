package org.markwatch.crawler.extract.draft;

import java.util.Collection;

/**
 * One field of a listing being assembled, with the layer that found it. The first layer to offer a
 * non-empty value wins: layers run in order of trust, so a later, weaker layer never overwrites.
 */
public final class Field<T> {
  private final String name;
  private T value;
  private String layer;

  Field(String name) {
    this.name = name;
  }

  /** Keeps {@code candidate} when the field is still empty and the candidate is not blank. */
  public boolean offer(T candidate, String fromLayer) {
    if (value != null || isEmpty(candidate)) {
      return false;
    }
    value = candidate;
    layer = fromLayer;
    return true;
  }

  /** Replaces the value whatever it was (used when a more specific source is found later). */
  public void force(T candidate, String fromLayer) {
    if (!isEmpty(candidate)) {
      value = candidate;
      layer = fromLayer;
    }
  }

  /** Empties the field (a later check found the value wrong), so a later layer may fill it. */
  public void clear() {
    value = null;
    layer = null;
  }

  public T get() {
    return value;
  }

  public boolean isSet() {
    return value != null;
  }

  public String layer() {
    return layer;
  }

  public String name() {
    return name;
  }

  /**
   * Template text a page forgot to fill ("$metabrand", "{{ product.sku }}", "undefined"): worse
   * than nothing, since it would hide a real value from a later layer.
   */
  static boolean isPlaceholder(String s) {
    return s.matches("\\$[A-Za-z_][A-Za-z0-9_.]*")
        || s.contains("{{")
        || s.contains("}}")
        || s.contains("${")
        || s.contains("<%")
        || s.equalsIgnoreCase("undefined")
        || s.equalsIgnoreCase("null")
        || s.equalsIgnoreCase("none")
        || s.equalsIgnoreCase("n/a")
        || s.equals("-");
  }

  private static boolean isEmpty(Object v) {
    if (v == null) {
      return true;
    }
    if (v instanceof String s) {
      return s.isBlank() || isPlaceholder(s.strip());
    }
    if (v instanceof Collection<?> c) {
      return c.isEmpty();
    }
    return false;
  }
}
