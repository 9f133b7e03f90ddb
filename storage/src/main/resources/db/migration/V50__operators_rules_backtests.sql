-- Operators (issue 13, 15): the rule files of each ruleset the rules console or `rules publish`
-- registered, so a publication or a rollback restores exactly the text that was checked, and
-- backtests (a candidate ruleset scored in batch over stored listings), kept apart from verdicts.
-- Same SQL on H2 (MODE=PostgreSQL) and PostgreSQL.

-- ruleset_files (the files of each ruleset) is V40's, shared with `markwatch rules publish`.

CREATE TABLE backtest_runs (
  id                 VARCHAR(64)  PRIMARY KEY,
  candidate_version  VARCHAR(128) NOT NULL,
  baseline_version   VARCHAR(128),                 -- the newest published ruleset when it started
  since              TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at        TIMESTAMP WITH TIME ZONE,
  status             VARCHAR(16)  NOT NULL,
  listings_total     INTEGER      NOT NULL DEFAULT 0,
  listings_done      INTEGER      NOT NULL DEFAULT 0,
  started_by         VARCHAR(200) NOT NULL,
  note               VARCHAR(2000),
  CONSTRAINT backtest_runs_status CHECK (status IN ('running', 'finished', 'failed'))
);
CREATE INDEX backtest_runs_started ON backtest_runs (started_at);

-- One row per listing of the run: the candidate's verdict, compared with `verdicts` (current).
CREATE TABLE backtest_verdicts (
  run_id      VARCHAR(64)  NOT NULL REFERENCES backtest_runs (id),
  listing_id  VARCHAR(512) NOT NULL,
  score       DOUBLE PRECISION NOT NULL,
  flagged     BOOLEAN      NOT NULL,
  violations  VARCHAR(400) NOT NULL,               -- comma separated, strongest first
  rules       VARCHAR(4000) NOT NULL,              -- ids of the rules that fired, comma separated
  PRIMARY KEY (run_id, listing_id)
);
