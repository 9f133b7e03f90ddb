-- Pipeline (issue 15): observed market prices in the database, so a running scoring job takes up
-- new figures without a restart (its DatabaseRefresh reads this table). Written by
-- `markwatch prices observe --store`, replaced whole at each computation.
CREATE TABLE observed_prices (
  brand_id      VARCHAR(200)  NOT NULL,          -- the brand catalog's id
  product_line  VARCHAR(200)  NOT NULL,          -- a product line's name, '' for every line
  product_type  VARCHAR(100)  NOT NULL,          -- the catalog's product type id
  median_vnd    BIGINT        NOT NULL,
  mad_vnd       BIGINT        NOT NULL,
  samples       INTEGER       NOT NULL,
  computed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (brand_id, product_line, product_type),
  CONSTRAINT observed_prices_median CHECK (median_vnd > 0 AND mad_vnd >= 0 AND samples > 0)
);
