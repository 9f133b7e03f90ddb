-- Durable crawl frontier (crawler area, V30-V39): every URL a source has admitted, per host, with its
-- priority and re-visit time, so a crash loses nothing and several worker processes share one
-- frontier through host leases (SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL). Used by
-- org.markwatch.storage.frontier.FrontierStore; see storage/README.md.

-- One URL of one source. state: waiting (new, or fetched and waiting for due_at to re-visit) or
-- fetching (claimed by worker; taken back when that worker's host lease has expired).
CREATE TABLE frontier_urls (
  source_id        VARCHAR(64)   NOT NULL,
  url_key          CHAR(64)      NOT NULL,        -- SHA-256 (hex) of url: url is too long for a key
  url              VARCHAR(4096) NOT NULL,        -- normalised (BasicURLNormalizer, no tracking params)
  host             VARCHAR(300)  NOT NULL,        -- host[:port], as Source.hostKey
  depth            INTEGER       NOT NULL,
  priority         INTEGER       NOT NULL,        -- higher first
  state            VARCHAR(16)   NOT NULL,
  due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  revisit_seconds  BIGINT        NOT NULL,
  attempt          INTEGER       NOT NULL,        -- retries after 429/5xx so far
  fetch_count      INTEGER       NOT NULL,
  reclaimed_count  INTEGER       NOT NULL,        -- times taken back from a worker that died
  first_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_at       TIMESTAMP WITH TIME ZONE,
  last_fetched_at  TIMESTAMP WITH TIME ZONE,
  last_status      INTEGER,
  last_outcome     VARCHAR(32),
  worker           VARCHAR(128),
  PRIMARY KEY (source_id, url_key),
  CONSTRAINT frontier_urls_state CHECK (state IN ('waiting', 'fetching'))
);
CREATE INDEX frontier_urls_due ON frontier_urls (source_id, host, state, due_at);

-- One host of one source: who holds its lease (one worker per host at a time, so the per-host delay
-- holds across processes) and when it may be fetched next.
CREATE TABLE frontier_hosts (
  source_id      VARCHAR(64)  NOT NULL,
  host           VARCHAR(300) NOT NULL,
  lease_owner    VARCHAR(128),
  lease_until    TIMESTAMP WITH TIME ZONE,
  next_fetch_at  TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (source_id, host)
);

-- Listings a URL gave, so a re-visit knows which are still there: seen again (seen_count + 1), or
-- removed (the page answered 404/410, or no longer shows the listing).
CREATE TABLE frontier_listings (
  source_id       VARCHAR(64)  NOT NULL,
  url_key         CHAR(64)     NOT NULL,
  listing_id      VARCHAR(512) NOT NULL,
  first_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  seen_count      INTEGER      NOT NULL,
  removed_at      TIMESTAMP WITH TIME ZONE,
  removed_reason  VARCHAR(200),
  removed_run_id  VARCHAR(64),
  PRIMARY KEY (source_id, url_key, listing_id)
);
CREATE INDEX frontier_listings_listing ON frontier_listings (listing_id);
CREATE INDEX frontier_listings_removed ON frontier_listings (removed_at);
