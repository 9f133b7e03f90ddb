-- Morning reports (crawler area): written after a scheduled crawl run, read by
-- `markwatch crawl report` and the portal through org.markwatch.storage.MorningReportStore.
CREATE TABLE morning_reports (
  run_id      VARCHAR(64)  PRIMARY KEY REFERENCES crawl_runs(id),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  title       VARCHAR(400) NOT NULL,
  text_body   TEXT         NOT NULL,           -- plain text
  html_body   TEXT         NOT NULL            -- a whole HTML document; every value escaped
);
CREATE INDEX morning_reports_created ON morning_reports (created_at);
