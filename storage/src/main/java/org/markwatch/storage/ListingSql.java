package org.markwatch.storage;

/**
 * The upsert statements of {@link ListingStore}: standard MERGE, which H2 (PostgreSQL mode) and
 * PostgreSQL 15+ both run. Each keeps the row of the newest observation, so replaying old or
 * identical records changes nothing; two observations with the same timestamp are ordered by their
 * content hash, so the outcome never depends on arrival order. Parameters are cast because PostgreSQL cannot infer the types
 * of bare parameters in a VALUES list.
 */
final class ListingSql {
  private ListingSql() {}

  static final String MERGE_SELLER = """
      MERGE INTO sellers t
      USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(1000)),
                     CAST(? AS VARCHAR(4096)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(2000)),
                     CAST(? AS VARCHAR(2000)), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(64)),
                     CAST(? AS BOOLEAN), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS CHAR(64))))
        AS s(id, platform, name, url, province, address, phones, tax_code, business_registration,
             verified, seen, content_sha256)
      ON t.id = s.id
      WHEN MATCHED AND (s.seen > t.last_seen
          OR (s.seen = t.last_seen AND s.content_sha256 > COALESCE(t.content_sha256, ''))) THEN UPDATE SET
        platform = s.platform, name = s.name, url = s.url, province = s.province, address = s.address,
        phones = s.phones, tax_code = s.tax_code, business_registration = s.business_registration,
        verified = s.verified, first_seen = LEAST(t.first_seen, s.seen), last_seen = s.seen,
        content_sha256 = s.content_sha256
      WHEN MATCHED AND s.seen < t.first_seen THEN UPDATE SET first_seen = s.seen
      WHEN NOT MATCHED THEN INSERT
        (id, platform, name, url, province, address, phones, tax_code, business_registration, verified,
         first_seen, last_seen, content_sha256)
        VALUES (s.id, s.platform, s.name, s.url, s.province, s.address, s.phones, s.tax_code,
                s.business_registration, s.verified, s.seen, s.seen, s.content_sha256)
      """;

  static final String MERGE_LISTING = """
      MERGE INTO listings t
      USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(16)),
                     CAST(? AS VARCHAR(4096)), CAST(? AS VARCHAR(2000)), CAST(? AS NUMERIC(20, 2)),
                     CAST(? AS CHAR(3)), CAST(? AS VARCHAR(512)), CAST(? AS TIMESTAMP WITH TIME ZONE),
                     CAST(? AS VARCHAR(64)), CAST(? AS CHAR(64)), CAST(? AS CHAR(64)), CAST(? AS TEXT),
                     CAST(? AS CHAR(64))))
        AS s(id, platform, kind, url, title, price_amount, price_currency, seller_id, observed_at,
             crawl_run_id, html_sha256, screenshot_sha256, listing_json, content_sha256)
      ON t.id = s.id
      WHEN MATCHED AND (s.observed_at > t.observed_at
          OR (s.observed_at = t.observed_at AND s.content_sha256 > COALESCE(t.content_sha256, ''))) THEN UPDATE SET
        platform = s.platform, kind = s.kind, url = s.url, title = s.title, price_amount = s.price_amount,
        price_currency = s.price_currency, seller_id = s.seller_id, observed_at = s.observed_at,
        crawl_run_id = s.crawl_run_id, html_sha256 = s.html_sha256, screenshot_sha256 = s.screenshot_sha256,
        listing_json = s.listing_json, content_sha256 = s.content_sha256
      WHEN NOT MATCHED THEN INSERT
        (id, platform, kind, url, title, price_amount, price_currency, seller_id, observed_at, crawl_run_id,
         html_sha256, screenshot_sha256, listing_json, content_sha256)
        VALUES (s.id, s.platform, s.kind, s.url, s.title, s.price_amount, s.price_currency, s.seller_id,
                s.observed_at, s.crawl_run_id, s.html_sha256, s.screenshot_sha256, s.listing_json,
                s.content_sha256)
      """;

  /** scored_at is the listing's observedAt, never the clock, so a replay writes the same row. */
  static final String MERGE_VERDICT = """
      MERGE INTO verdicts t
      USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(128)), CAST(? AS DOUBLE PRECISION),
                     CAST(? AS BOOLEAN), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(400)),
                     CAST(? AS VARCHAR(2000)), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TEXT),
                     CAST(? AS CHAR(64))))
        AS s(listing_id, ruleset_version, score, flagged, top_violation, violations, brands, scored_at,
             scored_json, content_sha256)
      ON t.listing_id = s.listing_id
      WHEN MATCHED AND (s.scored_at > t.scored_at
          OR (s.scored_at = t.scored_at AND s.content_sha256 > COALESCE(t.content_sha256, ''))) THEN UPDATE SET
        ruleset_version = s.ruleset_version, score = s.score, flagged = s.flagged,
        top_violation = s.top_violation, violations = s.violations, brands = s.brands,
        scored_at = s.scored_at, scored_json = s.scored_json, content_sha256 = s.content_sha256
      WHEN NOT MATCHED THEN INSERT
        (listing_id, ruleset_version, score, flagged, top_violation, violations, brands, scored_at, scored_json,
         content_sha256)
        VALUES (s.listing_id, s.ruleset_version, s.score, s.flagged, s.top_violation, s.violations, s.brands,
                s.scored_at, s.scored_json, s.content_sha256)
      """;

  static final String DELETE_VIOLATIONS = "DELETE FROM verdict_violations WHERE listing_id = ?";

  static final String INSERT_VIOLATION =
      "INSERT INTO verdict_violations (listing_id, violation, position) VALUES (?, ?, ?)";
}
