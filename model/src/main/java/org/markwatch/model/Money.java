package org.markwatch.model;

import java.math.BigDecimal;

/** An amount of money; {@code currency} is an ISO 4217 code such as {@code VND}. */
public record Money(BigDecimal amount, String currency) {
  public static Money vnd(long amount) {
    return new Money(BigDecimal.valueOf(amount), "VND");
  }
}
