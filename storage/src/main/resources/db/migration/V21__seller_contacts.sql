-- Central database v2 (issue 14), seller page: the contact points of each seller, so sellers sharing
-- a phone, a Zalo number, a bank account or an e-mail are found by index (one operator behind
-- several shops) and a case's payment accounts can be referred to the State Bank.
-- From the seller's own fields (phones, zalo, emails) and the contacts its listings give
-- (phone, zalo, bank_account, email). match_kind + value_key is what two sellers share:
--   phone   phones and Zalo numbers (a Zalo account is a phone number): the last 9 digits
--   bank_account  the account's digits (the bank's name, when given, stays in shown)
--   email   lower case
-- Written with the listing, in its transaction (ListingStore); rows stored before V21 are filled in
-- as their listings are observed again.
CREATE TABLE seller_contacts (
  seller_id   VARCHAR(512) NOT NULL,
  kind        VARCHAR(16)  NOT NULL,           -- phone, zalo, bank_account, email
  value_key   VARCHAR(320) NOT NULL,
  match_kind  VARCHAR(16)  NOT NULL,
  shown       VARCHAR(320) NOT NULL,           -- as first shown
  listing_id  VARCHAR(512),                    -- the listing it was first seen on; null: the seller's own field
  first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (seller_id, kind, value_key),
  CONSTRAINT seller_contacts_kind CHECK (kind IN ('phone', 'zalo', 'bank_account', 'email')),
  CONSTRAINT seller_contacts_match CHECK (match_kind IN ('phone', 'bank_account', 'email'))
);
CREATE INDEX seller_contacts_shared ON seller_contacts (match_kind, value_key);
