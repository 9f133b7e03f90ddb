-- Crawl-run details (crawler area, V20-V29): per-source figures of a run and its page counts, so the
-- run summary that `markwatch crawl` prints is also stored and a morning report can be built from it.

-- One source in one run.
CREATE TABLE crawl_run_sources (
  run_id             VARCHAR(64)  NOT NULL REFERENCES crawl_runs(id),
  source_id          VARCHAR(64)  NOT NULL,
  platform           VARCHAR(64)  NOT NULL,
  fetch_mode         VARCHAR(16)  NOT NULL,
  status             VARCHAR(16)  NOT NULL,          -- ok, failed (nothing fetched), skipped
  pages_fetched      INTEGER      NOT NULL,
  pages_failed       INTEGER      NOT NULL,
  blocked_by_robots  INTEGER      NOT NULL,
  redirects          INTEGER      NOT NULL,
  retries            INTEGER      NOT NULL,
  listings_found     INTEGER      NOT NULL,
  extraction_errors  INTEGER      NOT NULL,
  bytes_fetched      BIGINT       NOT NULL,
  elapsed_ms         BIGINT       NOT NULL,
  note               VARCHAR(2000),
  PRIMARY KEY (run_id, source_id)
);

-- Pages of a run per outcome (kind 'outcome': OK, REDIRECT, RETRY, HTTP_ERROR, ...) and errors per
-- class (kind 'error': 'HTTP 404', TIMEOUT, ...).
CREATE TABLE crawl_run_counts (
  run_id  VARCHAR(64)  NOT NULL REFERENCES crawl_runs(id),
  kind    VARCHAR(16)  NOT NULL,
  name    VARCHAR(64)  NOT NULL,
  count   BIGINT       NOT NULL,
  PRIMARY KEY (run_id, kind, name)
);
