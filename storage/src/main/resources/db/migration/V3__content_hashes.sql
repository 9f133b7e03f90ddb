-- A content hash per row breaks ties between two observations with the same timestamp: the
-- larger hash wins, whatever order they arrive in, so a replay in another order writes the same
-- rows (Flink reads spool files in parallel; a fixed-clock crawl stamps every record alike).
ALTER TABLE sellers ADD COLUMN content_sha256 CHAR(64);
ALTER TABLE listings ADD COLUMN content_sha256 CHAR(64);
ALTER TABLE verdicts ADD COLUMN content_sha256 CHAR(64);
