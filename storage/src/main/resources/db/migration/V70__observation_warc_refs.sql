-- Evidence (issue 10): where an observation's page and screenshot records lie in the crawl run's
-- WARC files (file name, byte offset of the record's gzip member, WARC digest "sha256:<hex>"),
-- from the record's evidence.warc / evidence.screenshotWarc, so a reviewer's tool can open the
-- record without reading listing_json. Null for observations without WARC evidence.
-- Same SQL on H2 2.x and PostgreSQL 15.
ALTER TABLE observations ADD COLUMN page_warc_file VARCHAR(255);
ALTER TABLE observations ADD COLUMN page_warc_offset BIGINT;
ALTER TABLE observations ADD COLUMN page_warc_digest VARCHAR(80);
ALTER TABLE observations ADD COLUMN screenshot_warc_file VARCHAR(255);
ALTER TABLE observations ADD COLUMN screenshot_warc_offset BIGINT;
ALTER TABLE observations ADD COLUMN screenshot_warc_digest VARCHAR(80);
