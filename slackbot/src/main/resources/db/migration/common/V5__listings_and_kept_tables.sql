-- What next/prev and the More button need, kept in the store so that any replica answers them
-- (they were in each process's memory). Rows expire: the bot deletes old ones as it writes new ones.
--   last_listing  per (channel, user): the listing command last shown, with its --page
--   kept_table    a table too long for one message, by the token its More button carries
CREATE TABLE last_listing (
  channel VARCHAR(64) NOT NULL,
  user_id VARCHAR(64) NOT NULL,
  line TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (channel, user_id));
CREATE INDEX last_listing_updated ON last_listing (updated_at);

CREATE TABLE kept_table (
  token VARCHAR(64) NOT NULL PRIMARY KEY,
  owner VARCHAR(64) NOT NULL,
  channel VARCHAR(64) NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL);
CREATE INDEX kept_table_expiry ON kept_table (expires_at);
