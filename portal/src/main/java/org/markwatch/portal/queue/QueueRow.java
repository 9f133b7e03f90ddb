package org.markwatch.portal.queue;

import java.math.BigDecimal;
import java.util.List;

/** One line of the flagged queue. */
record QueueRow(
    String id,
    String platform,
    String title,
    BigDecimal priceAmount,
    String priceCurrency,
    String sellerName,
    double score,
    List<String> violations,
    List<String> brands) {}
