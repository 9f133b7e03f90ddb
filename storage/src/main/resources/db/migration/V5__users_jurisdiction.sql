-- Central database v2 (issue 14), part 2: provinces, agencies, users and roles, API clients,
-- sellers' Decree 52 fields and province history.

-- The 34 provinces and centrally-run cities in force since 1 July 2025 (data: migration V6).
CREATE TABLE provinces (
  code         VARCHAR(32)  PRIMARY KEY,          -- ascii slug: ho-chi-minh, ha-noi
  name         VARCHAR(100) NOT NULL,             -- Vietnamese name with diacritics
  kind         VARCHAR(16)  NOT NULL,             -- city (thanh pho truc thuoc trung uong) or province
  CONSTRAINT provinces_kind CHECK (kind IN ('city', 'province'))
);

-- Every name an address may use for a province: the 34 current names and the 63 names in force
-- before 1 July 2025, each mapped onto the current province. Matched on the folded name
-- (lower case, no diacritics, no "tinh"/"thanh pho" prefix), see ProvinceDirectory.
CREATE TABLE province_names (
  folded_name    VARCHAR(100) NOT NULL,
  name           VARCHAR(100) NOT NULL,
  province_code  VARCHAR(32)  NOT NULL REFERENCES provinces (code),
  era            VARCHAR(16)  NOT NULL,           -- current, pre-2025, alias (a common short form)
  PRIMARY KEY (folded_name, era),
  CONSTRAINT province_names_era CHECK (era IN ('current', 'pre-2025', 'alias'))
);

-- Agencies: the market-surveillance authority (national or a provincial department) and the
-- agencies cases are referred to.
CREATE TABLE agencies (
  code           VARCHAR(64)  PRIMARY KEY,
  name           VARCHAR(300) NOT NULL,
  kind           VARCHAR(32)  NOT NULL,           -- market_surveillance, police, tax, customs, state_bank, telecoms, platform
  province_code  VARCHAR(32)  REFERENCES provinces (code)   -- null: national
);

CREATE TABLE roles (
  code         VARCHAR(32)  PRIMARY KEY,
  description  VARCHAR(300) NOT NULL
);
INSERT INTO roles (code, description) VALUES
  ('analyst', 'reviews the flagged-listing queue and records decisions'),
  ('supervisor', 'an analyst who also assigns work and sees who has what'),
  ('operator', 'runs crawls, the pipeline and rulesets; no decisions'),
  ('admin', 'manages users, agencies and API clients'),
  ('agency_client', 'another agency: reads confirmed violators, cases and decisions shared with it');

-- A user belongs to an agency and to a province, or is national (province_code null). Passwords
-- are Argon2id hashes (PHC string); failed logins and lockout live here so every portal node sees them.
CREATE TABLE users (
  username               VARCHAR(100) PRIMARY KEY,
  display_name           VARCHAR(200) NOT NULL,
  agency_code            VARCHAR(64)  REFERENCES agencies (code),
  province_code          VARCHAR(32)  REFERENCES provinces (code),
  password_hash          VARCHAR(300) NOT NULL,
  disabled               BOOLEAN      NOT NULL DEFAULT FALSE,
  must_change_password   BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  password_changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  last_login_at          TIMESTAMP WITH TIME ZONE,
  failed_logins          INTEGER      NOT NULL DEFAULT 0,   -- in a row, since the last success
  last_failed_login_at   TIMESTAMP WITH TIME ZONE,
  locked_until           TIMESTAMP WITH TIME ZONE
);

CREATE TABLE user_roles (
  username  VARCHAR(100) NOT NULL REFERENCES users (username),
  role      VARCHAR(32)  NOT NULL REFERENCES roles (code),
  PRIMARY KEY (username, role)
);

-- Machine clients of the API: the token is shown once; only its SHA-256 is kept (a random
-- 256-bit token needs no slow hash).
CREATE TABLE api_clients (
  id             VARCHAR(64)  PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  agency_code    VARCHAR(64)  REFERENCES agencies (code),
  province_code  VARCHAR(32)  REFERENCES provinces (code),
  token_sha256   CHAR(64)     NOT NULL UNIQUE,
  scopes         VARCHAR(1000) NOT NULL,          -- space separated: queue:read violators:read ...
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at     TIMESTAMP WITH TIME ZONE,
  revoked_at     TIMESTAMP WITH TIME ZONE,
  last_used_at   TIMESTAMP WITH TIME ZONE
);

-- Decree 52/2013/ND-CP (as amended by Decree 85/2021/ND-CP), art. 29: what a seller on an
-- e-commerce platform must disclose. name, address, phones, tax_code, business_registration
-- exist since V1.
ALTER TABLE sellers ADD COLUMN seller_type VARCHAR(16);          -- business, household, individual
ALTER TABLE sellers ADD COLUMN legal_name VARCHAR(1000);
ALTER TABLE sellers ADD COLUMN emails VARCHAR(2000);
ALTER TABLE sellers ADD COLUMN registration_issued_on DATE;
ALTER TABLE sellers ADD COLUMN registration_issued_by VARCHAR(300);
ALTER TABLE sellers ADD COLUMN province_code VARCHAR(32) REFERENCES provinces (code);
CREATE INDEX sellers_province_code ON sellers (province_code);

-- Every province a seller's address named, with when it was first and last seen so.
CREATE TABLE seller_provinces (
  seller_id      VARCHAR(512) NOT NULL,
  province_text  VARCHAR(200) NOT NULL,           -- as the page wrote it
  province_code  VARCHAR(32)  REFERENCES provinces (code),
  first_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (seller_id, province_text)
);
