-- One row per violation of a verdict, so the queue can filter by violation and the summary can
-- count flagged listings per violation with plain indexed SQL (verdicts.violations stays the
-- display copy). Rewritten with its verdict in the same transaction.
CREATE TABLE verdict_violations (
  listing_id  VARCHAR(512) NOT NULL,
  violation   VARCHAR(32)  NOT NULL,
  position    INTEGER      NOT NULL,              -- 0 = strongest, as in the scored record
  PRIMARY KEY (listing_id, violation)
);
CREATE INDEX verdict_violations_violation ON verdict_violations (violation);
CREATE INDEX verdicts_score ON verdicts (score);
