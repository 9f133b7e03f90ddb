-- Pipeline (issue 15): rulesets published in the database, and seller networks.
-- Same SQL on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The files of a ruleset published with `markwatch rules publish` (or the portal's rules
-- console): what the running job loads when the ruleset becomes the newest published one.
-- name is the file's name under the conf directory (brands/core.yaml, rules/counterfeit.yaml).
CREATE TABLE ruleset_files (
  version  VARCHAR(128) NOT NULL REFERENCES rulesets (version),
  name     VARCHAR(300) NOT NULL,
  content  TEXT NOT NULL,
  PRIMARY KEY (version, name)
);

-- A seller network: sellers linked by a shared phone, Zalo, bank account, e-mail or shop URL,
-- across platforms (connected components kept by the pipeline). The id is given when the network
-- first forms and kept as it grows; when two networks merge, the larger one's id stays.
CREATE TABLE seller_networks (
  id                VARCHAR(64)  PRIMARY KEY,
  sellers           INTEGER      NOT NULL,
  platforms         INTEGER      NOT NULL,
  violators         INTEGER      NOT NULL,        -- members that are confirmed violators
  listings          INTEGER      NOT NULL,
  flagged_listings  INTEGER      NOT NULL,
  risk_score        DOUBLE PRECISION NOT NULL,    -- 0..1, see SellerNetworkStore.risk
  first_seen        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX seller_networks_risk ON seller_networks (risk_score);

-- Which network a seller is in (a seller is in at most one).
CREATE TABLE seller_network_members (
  seller_id   VARCHAR(512) PRIMARY KEY,
  network_id  VARCHAR(64)  NOT NULL,
  joined_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX seller_network_members_network ON seller_network_members (network_id);

-- Why two sellers are linked: the contact they share (normalised: phone 0912345678, e-mail in
-- lower case, shop URL without scheme and www). first_seen is the observation time of the listing
-- that showed the link, so a replay writes the same row.
CREATE TABLE seller_links (
  seller_a       VARCHAR(512) NOT NULL,
  seller_b       VARCHAR(512) NOT NULL,
  contact_kind   VARCHAR(16)  NOT NULL,           -- phone, zalo, bank_account, email, shop_url
  contact_value  VARCHAR(512) NOT NULL,
  first_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (seller_a, seller_b, contact_kind, contact_value)
);
CREATE INDEX seller_links_b ON seller_links (seller_b);
