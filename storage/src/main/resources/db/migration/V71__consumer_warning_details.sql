-- Consumer warnings (issue 13), part 2: what the public pages show of a warning beyond its title
-- and text (the product type and brand it concerns, what to look for), the confirmed violators it
-- names, and the life of a warning written in the portal: a draft (published_at null), published,
-- then withdrawn. Who published and withdrew it is in the audit log and on the row.

ALTER TABLE consumer_warnings ADD COLUMN product_type VARCHAR(200);
ALTER TABLE consumer_warnings ADD COLUMN brand VARCHAR(200);
ALTER TABLE consumer_warnings ADD COLUMN look_for VARCHAR(4000);
ALTER TABLE consumer_warnings ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consumer_warnings ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consumer_warnings ADD COLUMN published_by VARCHAR(100);
ALTER TABLE consumer_warnings ADD COLUMN withdrawn_by VARCHAR(100);
-- a draft has no publication time yet
ALTER TABLE consumer_warnings ALTER COLUMN published_at DROP NOT NULL;
UPDATE consumer_warnings SET created_at = published_at, updated_at = published_at,
  published_by = created_by WHERE created_at IS NULL;
ALTER TABLE consumer_warnings ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE consumer_warnings ALTER COLUMN updated_at SET NOT NULL;
CREATE INDEX consumer_warnings_published ON consumer_warnings (published_at);

-- The confirmed violators (by seller id) a warning names. The public pages show only those whose
-- publication is in force (violators.published, not removed), so a taken-down publication
-- disappears from every warning without editing it.
CREATE TABLE consumer_warning_sellers (
  warning_id  BIGINT       NOT NULL REFERENCES consumer_warnings (id),
  seller_id   VARCHAR(512) NOT NULL,
  PRIMARY KEY (warning_id, seller_id)
);
CREATE INDEX consumer_warning_sellers_seller ON consumer_warning_sellers (seller_id);
