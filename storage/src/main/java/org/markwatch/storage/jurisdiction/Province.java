package org.markwatch.storage.jurisdiction;

import java.util.List;

/**
 * One of the 34 provinces in force since 1 July 2025.
 *
 * @param kind {@code city} (centrally-run) or {@code province}
 * @param formerNames the pre-2025 provinces merged into it
 */
public record Province(String code, String name, String kind, List<String> formerNames) {
  public Province {
    formerNames = List.copyOf(formerNames);
  }
}
