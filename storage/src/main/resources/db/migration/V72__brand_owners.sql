-- Brand owners in the portal (issue 13, plan item 2.5): a role for a brand owner's staff, and the
-- brands each such user acts for. A brand owner registers genuine products, their codes and the
-- sellers it authorises, for its own brands only (storage's OriginStore checks the scope); an
-- operator or admin may act for any brand.
INSERT INTO roles (code, description) VALUES
  ('brand_owner', 'a brand owner''s staff: registers genuine products, codes and authorised sellers of its own brands');

CREATE TABLE user_brands (
  username    VARCHAR(100) NOT NULL REFERENCES users (username),
  brand_id    VARCHAR(200) NOT NULL,
  granted_by  VARCHAR(100) NOT NULL,
  granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (username, brand_id)
);
