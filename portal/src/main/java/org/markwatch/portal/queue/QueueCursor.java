package org.markwatch.portal.queue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Where a queue page starts or ends (keyset paging): the sort, the sort key of a row and its
 * listing id. In a URL it is one opaque base64url token, so a link keeps working whatever was
 * decided since; a token that does not parse is a 400 like any other bad filter value.
 *
 * @param key the row's sort key: a {@link Double} (score), a {@link BigDecimal} (price, with the
 *     value that stands for "no price") or an {@link OffsetDateTime} (observation time)
 */
public record QueueCursor(String sort, Object key, String id) {
  /** The Java type a sort key is bound as (a score must stay a double for its index). */
  enum Kind {
    DOUBLE,
    DECIMAL,
    TIME
  }

  private static final int MAX_TOKEN = 2_200;

  public QueueCursor {
    if (sort == null || key == null || id == null) {
      throw new IllegalArgumentException("a page cursor needs a sort, a key and an id");
    }
  }

  /** The URL token. */
  String token() {
    String k =
        key instanceof OffsetDateTime t
            ? t.toInstant().toString()
            : key instanceof BigDecimal d ? d.toPlainString() : key.toString();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((sort + "\n" + k + "\n" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** A cursor from a URL token; null for none; IllegalArgumentException for a malformed one. */
  static QueueCursor parse(String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    if (token.length() > MAX_TOKEN) {
      throw new IllegalArgumentException("page cursor too long");
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8)
              .split("\n", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("malformed page cursor");
      }
      QueueFilter.Sort sort = QueueFilter.Sort.of(parts[0]);
      if (sort == null) {
        throw new IllegalArgumentException("malformed page cursor");
      }
      Object key =
          switch (sort.kind) {
            case DOUBLE -> {
              double d = Double.parseDouble(parts[1]);
              if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("malformed page cursor");
              }
              yield d;
            }
            case DECIMAL -> new BigDecimal(parts[1]);
            case TIME -> Instant.parse(parts[1]).atOffset(ZoneOffset.UTC);
          };
      return new QueueCursor(parts[0], key, parts[2]);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      // NumberFormatException is an IllegalArgumentException
      throw new IllegalArgumentException("malformed page cursor", e);
    }
  }
}
