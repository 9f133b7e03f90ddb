-- Central database v2 (issue 14), part 1: observation history, rulesets, verdicts per
-- (observation, ruleset). Same SQL on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Every distinct observation of a listing; `listings` stays the current state. The id is the
-- SHA-256 of the whole markwatch.listing/1 record (listings.content_sha256), so a replay of the
-- same record finds its row and writes nothing new.
CREATE TABLE observations (
  id                 CHAR(64)      PRIMARY KEY,
  listing_id         VARCHAR(512)  NOT NULL,
  observed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  title              VARCHAR(2000),
  price_amount       NUMERIC(20, 2),
  price_currency     CHAR(3),
  availability       VARCHAR(64),                 -- attributes.availability as the page said it
  seller_id          VARCHAR(512),
  crawl_run_id       VARCHAR(64),
  html_sha256        CHAR(64),                    -- evidence refs: the raw page and the screenshot
  screenshot_sha256  CHAR(64),
  listing_json       TEXT NOT NULL
);
CREATE INDEX observations_listing ON observations (listing_id, observed_at);

-- A ruleset as scored with: version = content hash of the rule files. Only published rulesets
-- give current verdicts; publish_seq orders publications (the highest is the newest), so a
-- re-publication of an older ruleset (a rollback) makes it the newest again.
CREATE TABLE rulesets (
  version       VARCHAR(128) PRIMARY KEY,
  author        VARCHAR(200) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  status        VARCHAR(16)  NOT NULL,            -- draft, published
  published_at  TIMESTAMP WITH TIME ZONE,
  publish_seq   BIGINT UNIQUE,
  note          VARCHAR(2000),
  CONSTRAINT rulesets_status CHECK (status IN ('draft', 'published')),
  CONSTRAINT rulesets_published CHECK ((status = 'published') = (publish_seq IS NOT NULL))
);

-- Every verdict ever given: one row per (observation, ruleset version). A replay with the same
-- ruleset finds its row; a rescore with another ruleset adds rows beside the old ones.
CREATE TABLE observation_verdicts (
  observation_id   CHAR(64)     NOT NULL,
  ruleset_version  VARCHAR(128) NOT NULL,
  listing_id       VARCHAR(512) NOT NULL,
  score            DOUBLE PRECISION NOT NULL,
  flagged          BOOLEAN NOT NULL,
  violations       VARCHAR(400) NOT NULL,
  scored_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  scored_json      TEXT NOT NULL,
  content_sha256   CHAR(64) NOT NULL,
  PRIMARY KEY (observation_id, ruleset_version)
);
CREATE INDEX observation_verdicts_listing ON observation_verdicts (listing_id);

-- `verdicts` stays the current verdict of each listing (what the queue reads): the verdict of the
-- newest published ruleset (highest publish_seq), then of the newest observation.
ALTER TABLE verdicts ADD COLUMN observation_id CHAR(64);
ALTER TABLE verdicts ADD COLUMN ruleset_seq BIGINT;
CREATE INDEX verdicts_ruleset ON verdicts (ruleset_version);

-- Existing data: every ruleset seen so far counts as published, in the order it first scored.
INSERT INTO rulesets (version, author, created_at, status, published_at, publish_seq, note)
SELECT ruleset_version, 'migration V4', MIN(scored_at), 'published', MIN(scored_at),
       ROW_NUMBER() OVER (ORDER BY MIN(scored_at), ruleset_version), 'found in verdicts by migration V4'
FROM verdicts GROUP BY ruleset_version;
UPDATE verdicts SET ruleset_seq = (SELECT r.publish_seq FROM rulesets r WHERE r.version = verdicts.ruleset_version);
INSERT INTO observations (id, listing_id, observed_at, title, price_amount, price_currency, seller_id,
                          crawl_run_id, html_sha256, screenshot_sha256, listing_json)
SELECT content_sha256, id, observed_at, title, price_amount, price_currency, seller_id, crawl_run_id,
       html_sha256, screenshot_sha256, listing_json
FROM listings WHERE content_sha256 IS NOT NULL;
UPDATE verdicts SET observation_id = (SELECT l.content_sha256 FROM listings l WHERE l.id = verdicts.listing_id);
INSERT INTO observation_verdicts (observation_id, ruleset_version, listing_id, score, flagged, violations,
                                  scored_at, scored_json, content_sha256)
SELECT observation_id, ruleset_version, listing_id, score, flagged, violations, scored_at, scored_json,
       content_sha256
FROM verdicts WHERE observation_id IS NOT NULL AND content_sha256 IS NOT NULL;
