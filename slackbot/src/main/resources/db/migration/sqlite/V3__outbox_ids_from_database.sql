-- Outbox IDs were MAX(id)+1 kept in memory: two processes on one file collided. The database
-- issues them now (AUTOINCREMENT: never reused, even after pruning). SQLite cannot alter a primary
-- key, so the table is rebuilt with its rows and indexes.
CREATE TABLE notify_outbox_v3 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  channel VARCHAR(64) NOT NULL,
  op VARCHAR(8) NOT NULL,
  watch_id VARCHAR(40),
  payload TEXT NOT NULL,
  state VARCHAR(8) NOT NULL,
  attempts INTEGER NOT NULL,
  not_before BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  done_at BIGINT,
  error VARCHAR(200));

INSERT INTO notify_outbox_v3 (id, channel, op, watch_id, payload, state, attempts, not_before, created_at,
                              done_at, error)
  SELECT id, channel, op, watch_id, payload, state, attempts, not_before, created_at, done_at, error
  FROM notify_outbox;

DROP TABLE notify_outbox;
ALTER TABLE notify_outbox_v3 RENAME TO notify_outbox;
CREATE INDEX notify_outbox_pending ON notify_outbox (state, channel, id);
CREATE INDEX notify_outbox_watch ON notify_outbox (watch_id);
