-- The portal's queue sorts by date (newest first) and by price as well as by score: indexes so a
-- page of a million-listing queue is read in index order instead of sorting every flagged row.
-- Same SQL on H2 and PostgreSQL.
CREATE INDEX listings_observed_at ON listings (observed_at);
CREATE INDEX listings_price ON listings (price_amount);
