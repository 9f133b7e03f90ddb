package org.markwatch.detectors.rules;

import java.util.List;

/**
 * An expiry date written in the listing is before its observation date ({@code expiryDatePassed} in
 * a rule file).
 *
 * @param in where to look: title, text, claimed, category, seller, and {@code attributes} (the
 *     values of attributes named like an expiry date: HSD, hạn sử dụng, expiry, exp...); default
 *     title, text, attributes
 * @param minDaysPast how many whole days the date must be past, at least 0 (default 0: the day
 *     after the last valid day already counts)
 */
public record ExpirySpec(List<String> in, Integer minDaysPast) {}
