package org.markwatch.storage;

/**
 * The upsert statements of {@link ListingStore}: standard MERGE, which H2 (PostgreSQL mode) and
 * PostgreSQL 15+ both run. Each keeps the row of the newest observation, so replaying old or
 * identical records changes nothing; two observations with the same timestamp are ordered by their
 * content hash, so the outcome never depends on arrival order. Parameters are cast because
 * PostgreSQL cannot infer the types of bare parameters in a VALUES list.
 */
final class ListingSql {
  private ListingSql() {}

  static final String MERGE_SELLER =
      """
      MERGE INTO sellers t
      USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(1000)),
                     CAST(? AS VARCHAR(4096)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(2000)),
                     CAST(? AS VARCHAR(2000)), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(64)),
                     CAST(? AS BOOLEAN), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS CHAR(64)),
                     CAST(? AS VARCHAR(2000)), CAST(? AS VARCHAR(32))))
        AS s(id, platform, name, url, province, address, phones, tax_code, business_registration,
             verified, seen, content_sha256, emails, province_code)
      ON t.id = s.id
      WHEN MATCHED AND (s.seen > t.last_seen
          OR (s.seen = t.last_seen AND s.content_sha256 > COALESCE(t.content_sha256, ''))) THEN UPDATE SET
        platform = s.platform, name = s.name, url = s.url, province = s.province, address = s.address,
        phones = s.phones, tax_code = s.tax_code, business_registration = s.business_registration,
        verified = s.verified, first_seen = LEAST(t.first_seen, s.seen), last_seen = s.seen,
        content_sha256 = s.content_sha256, emails = s.emails, province_code = s.province_code
      WHEN MATCHED AND s.seen < t.first_seen THEN UPDATE SET first_seen = s.seen
      WHEN NOT MATCHED THEN INSERT
        (id, platform, name, url, province, address, phones, tax_code, business_registration, verified,
         first_seen, last_seen, content_sha256, emails, province_code)
        VALUES (s.id, s.platform, s.name, s.url, s.province, s.address, s.phones, s.tax_code,
                s.business_registration, s.verified, s.seen, s.seen, s.content_sha256, s.emails, s.province_code)
      """;

  static final String MERGE_LISTING =
      """
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

  /** Every province text a seller was seen with, first and last seen (history). */
  static final String MERGE_SELLER_PROVINCE =
      """
      MERGE INTO seller_provinces t
      USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(32)),
                     CAST(? AS TIMESTAMP WITH TIME ZONE)))
        AS s(seller_id, province_text, province_code, seen)
      ON t.seller_id = s.seller_id AND t.province_text = s.province_text
      WHEN MATCHED AND (s.seen < t.first_seen OR s.seen > t.last_seen) THEN UPDATE SET
        first_seen = LEAST(t.first_seen, s.seen), last_seen = GREATEST(t.last_seen, s.seen)
      WHEN NOT MATCHED THEN INSERT (seller_id, province_text, province_code, first_seen, last_seen)
        VALUES (s.seller_id, s.province_text, s.province_code, s.seen, s.seen)
      """;

  /** A seller's contact point (V21), first and last seen; the first listing it was seen on. */
  static final String MERGE_SELLER_CONTACT =
      """
      MERGE INTO seller_contacts t
      USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(320)),
                     CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(512)),
                     CAST(? AS TIMESTAMP WITH TIME ZONE)))
        AS s(seller_id, kind, value_key, match_kind, val, listing_id, seen)
      ON t.seller_id = s.seller_id AND t.kind = s.kind AND t.value_key = s.value_key
      WHEN MATCHED AND (s.seen < t.first_seen OR s.seen > t.last_seen) THEN UPDATE SET
        first_seen = LEAST(t.first_seen, s.seen), last_seen = GREATEST(t.last_seen, s.seen)
      WHEN NOT MATCHED THEN INSERT
        (seller_id, kind, value_key, match_kind, shown, listing_id, first_seen, last_seen)
        VALUES (s.seller_id, s.kind, s.value_key, s.match_kind, s.val, s.listing_id, s.seen, s.seen)
      """;

  /** One row per distinct observation (id = hash of the record): a replay inserts nothing. */
  static final String MERGE_OBSERVATION =
      """
      MERGE INTO observations t
      USING (VALUES (CAST(? AS CHAR(64)), CAST(? AS VARCHAR(512)), CAST(? AS TIMESTAMP WITH TIME ZONE),
                     CAST(? AS VARCHAR(2000)), CAST(? AS NUMERIC(20, 2)), CAST(? AS CHAR(3)),
                     CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(64)),
                     CAST(? AS CHAR(64)), CAST(? AS CHAR(64)), CAST(? AS TEXT),
                     CAST(? AS VARCHAR(255)), CAST(? AS BIGINT), CAST(? AS VARCHAR(80)),
                     CAST(? AS VARCHAR(255)), CAST(? AS BIGINT), CAST(? AS VARCHAR(80))))
        AS s(id, listing_id, observed_at, title, price_amount, price_currency, availability, seller_id,
             crawl_run_id, html_sha256, screenshot_sha256, listing_json,
             page_warc_file, page_warc_offset, page_warc_digest,
             screenshot_warc_file, screenshot_warc_offset, screenshot_warc_digest)
      ON t.id = s.id
      WHEN NOT MATCHED THEN INSERT
        (id, listing_id, observed_at, title, price_amount, price_currency, availability, seller_id,
         crawl_run_id, html_sha256, screenshot_sha256, listing_json,
         page_warc_file, page_warc_offset, page_warc_digest,
         screenshot_warc_file, screenshot_warc_offset, screenshot_warc_digest)
        VALUES (s.id, s.listing_id, s.observed_at, s.title, s.price_amount, s.price_currency, s.availability,
                s.seller_id, s.crawl_run_id, s.html_sha256, s.screenshot_sha256, s.listing_json,
                s.page_warc_file, s.page_warc_offset, s.page_warc_digest,
                s.screenshot_warc_file, s.screenshot_warc_offset, s.screenshot_warc_digest)
      """;

  /**
   * Every verdict given, per (observation, ruleset): a replay with the same ruleset finds its row.
   * Should two verdicts of one ruleset disagree, the higher score wins, then the larger content
   * hash (a detector changed without the rules), whatever order they arrive in; except that a
   * verdict marked {@code supersedes} replaces a different one outright: the pipeline's shop-level
   * evidence sends a listing again with a revised verdict as its shop's other listings come in, and
   * its last revision (from the whole shop) must hold even when it is lower.
   */
  static final String MERGE_OBSERVATION_VERDICT =
      """
      MERGE INTO observation_verdicts t
      USING (VALUES (CAST(? AS CHAR(64)), CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(512)),
                     CAST(? AS DOUBLE PRECISION), CAST(? AS BOOLEAN), CAST(? AS VARCHAR(400)),
                     CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TEXT), CAST(? AS CHAR(64)),
                     CAST(? AS BOOLEAN)))
        AS s(observation_id, ruleset_version, listing_id, score, flagged, violations, scored_at, scored_json,
             content_sha256, supersedes)
      ON t.observation_id = s.observation_id AND t.ruleset_version = s.ruleset_version
      WHEN MATCHED AND ((s.supersedes AND s.content_sha256 <> t.content_sha256)
          OR s.score > t.score OR (s.score = t.score AND s.content_sha256 > t.content_sha256)) THEN UPDATE SET
        score = s.score, flagged = s.flagged, violations = s.violations, scored_at = s.scored_at,
        scored_json = s.scored_json, content_sha256 = s.content_sha256
      WHEN NOT MATCHED THEN INSERT
        (observation_id, ruleset_version, listing_id, score, flagged, violations, scored_at, scored_json,
         content_sha256)
        VALUES (s.observation_id, s.ruleset_version, s.listing_id, s.score, s.flagged, s.violations,
                s.scored_at, s.scored_json, s.content_sha256)
      """;

  /**
   * The current verdict of a listing: the verdict of the newest published ruleset (highest
   * ruleset_seq) replaces any verdict of an older one, whatever the observation times; within one
   * ruleset, the newest observation wins, then the higher score, then the larger content hash; a
   * {@code supersedes} verdict of the same observation replaces a different one outright
   * (shop-level evidence's revisions, see {@link #MERGE_OBSERVATION_VERDICT}). scored_at is the
   * listing's observedAt, never the clock, so a replay writes the same row (and changes nothing).
   */
  static final String MERGE_VERDICT =
      """
      MERGE INTO verdicts t
      USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(128)), CAST(? AS DOUBLE PRECISION),
                     CAST(? AS BOOLEAN), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(400)),
                     CAST(? AS VARCHAR(2000)), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TEXT),
                     CAST(? AS CHAR(64)), CAST(? AS CHAR(64)), CAST(? AS BIGINT), CAST(? AS BOOLEAN)))
        AS s(listing_id, ruleset_version, score, flagged, top_violation, violations, brands, scored_at,
             scored_json, content_sha256, observation_id, ruleset_seq, supersedes)
      ON t.listing_id = s.listing_id
      WHEN MATCHED AND (t.ruleset_seq IS NULL OR s.ruleset_seq > t.ruleset_seq
          OR (s.ruleset_seq = t.ruleset_seq AND (s.scored_at > t.scored_at
              OR (s.scored_at = t.scored_at AND ((s.supersedes AND s.observation_id = t.observation_id
                      AND s.content_sha256 <> COALESCE(t.content_sha256, ''))
                  OR s.score > t.score
                  OR (s.score = t.score AND s.content_sha256 > COALESCE(t.content_sha256, ''))))))) THEN UPDATE SET
        ruleset_version = s.ruleset_version, score = s.score, flagged = s.flagged,
        top_violation = s.top_violation, violations = s.violations, brands = s.brands,
        scored_at = s.scored_at, scored_json = s.scored_json, content_sha256 = s.content_sha256,
        observation_id = s.observation_id, ruleset_seq = s.ruleset_seq
      WHEN NOT MATCHED THEN INSERT
        (listing_id, ruleset_version, score, flagged, top_violation, violations, brands, scored_at, scored_json,
         content_sha256, observation_id, ruleset_seq)
        VALUES (s.listing_id, s.ruleset_version, s.score, s.flagged, s.top_violation, s.violations, s.brands,
                s.scored_at, s.scored_json, s.content_sha256, s.observation_id, s.ruleset_seq)
      """;

  /**
   * A listing whose current verdict is flagged enters the review queue as new (once), due by the
   * service levels ({@link ServiceLevels}).
   */
  static final String MERGE_REVIEW_NEW =
      """
      MERGE INTO reviews t
      USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS TIMESTAMP WITH TIME ZONE),
                     CAST(? AS TIMESTAMP WITH TIME ZONE)))
        AS s(listing_id, queued_at, due_at)
      ON t.listing_id = s.listing_id
      WHEN NOT MATCHED THEN INSERT (listing_id, state, queued_at, due_at)
        VALUES (s.listing_id, 'new', s.queued_at, s.due_at)
      """;

  /**
   * Only the primary key can serve this: {@code state} is compared through COALESCE (it is NOT
   * NULL, so the meaning is the same) because on a table without statistics yet (a new database, a
   * bulk run before autovacuum's first ANALYZE) PostgreSQL's cached generic plan could pick the
   * queue's index {@code reviews_state (state, queued_at)} for {@code state = 'new'} and read every
   * new review on each call: 355 M index entries for 58 k calls in a 100 k-listing bench run, the
   * pipeline's bottleneck.
   */
  static final String DELETE_UNTOUCHED_REVIEW =
      "DELETE FROM reviews WHERE listing_id = ? AND COALESCE(state, '') = 'new'"
          + " AND assignee IS NULL AND last_decision_id IS NULL AND row_version = 0";

  static final String DELETE_VIOLATIONS = "DELETE FROM verdict_violations WHERE listing_id = ?";

  static final String INSERT_VIOLATION =
      "INSERT INTO verdict_violations (listing_id, violation, position) VALUES (?, ?, ?)";
}
