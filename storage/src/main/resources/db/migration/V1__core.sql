-- markwatch central database, version 1. The same file runs on H2 (MODE=PostgreSQL) and PostgreSQL:
-- keep to standard SQL types and statements (upserts use MERGE, never ON CONFLICT).

-- One crawl run: what was fetched and when.
CREATE TABLE crawl_runs (
  id              VARCHAR(64)  PRIMARY KEY,
  started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at     TIMESTAMP WITH TIME ZONE,
  status          VARCHAR(16)  NOT NULL,          -- running, finished, failed
  sources         VARCHAR(2000),                  -- source ids, comma separated
  pages_fetched   INTEGER      NOT NULL DEFAULT 0,
  pages_failed    INTEGER      NOT NULL DEFAULT 0,
  listings_found  INTEGER      NOT NULL DEFAULT 0,
  note            VARCHAR(2000)
);

-- A seller as last seen; id is platform:shop:native-id.
CREATE TABLE sellers (
  id                     VARCHAR(512) PRIMARY KEY,
  platform               VARCHAR(64)  NOT NULL,
  name                   VARCHAR(1000),
  url                    VARCHAR(4096),
  province               VARCHAR(200),
  address                VARCHAR(2000),
  phones                 VARCHAR(2000),           -- comma separated, as shown
  tax_code               VARCHAR(32),
  business_registration  VARCHAR(64),
  verified               BOOLEAN,
  first_seen             TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen              TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A listing as last observed; id is platform:native-id, stable across crawls.
CREATE TABLE listings (
  id                 VARCHAR(512) PRIMARY KEY,
  platform           VARCHAR(64)  NOT NULL,
  kind               VARCHAR(16)  NOT NULL,
  url                VARCHAR(4096) NOT NULL,
  title              VARCHAR(2000),
  price_amount       NUMERIC(20, 2),
  price_currency     CHAR(3),
  seller_id          VARCHAR(512),
  observed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  crawl_run_id       VARCHAR(64),
  html_sha256        CHAR(64),
  screenshot_sha256  CHAR(64),
  listing_json       TEXT NOT NULL                -- the whole markwatch.listing/1 record
);
CREATE INDEX listings_seller ON listings (seller_id);
CREATE INDEX listings_platform ON listings (platform);

-- The latest verdict per listing; the full markwatch.scored/1 record is kept beside the columns
-- the queue filters on.
CREATE TABLE verdicts (
  listing_id        VARCHAR(512) PRIMARY KEY,
  ruleset_version   VARCHAR(128) NOT NULL,
  score             DOUBLE PRECISION NOT NULL,
  flagged           BOOLEAN NOT NULL,
  top_violation     VARCHAR(32),
  violations        VARCHAR(400) NOT NULL,        -- comma separated, strongest first
  brands            VARCHAR(2000) NOT NULL,       -- comma separated brand ids
  scored_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  scored_json       TEXT NOT NULL
);
CREATE INDEX verdicts_flagged ON verdicts (flagged, score);
