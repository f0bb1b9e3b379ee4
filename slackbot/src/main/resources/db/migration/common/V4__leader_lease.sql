-- Which replica leads (polls DashScope and delivers the outbox): the one whose lease has not
-- expired. A replica takes the row only when it is free or expired, and renews it every few seconds.
CREATE TABLE bot_lease (
  name VARCHAR(32) NOT NULL PRIMARY KEY,
  owner VARCHAR(128) NOT NULL,
  expires_at BIGINT NOT NULL);

INSERT INTO bot_lease (name, owner, expires_at) VALUES ('leader', '', 0);
