-- One table for the statuses the bot keeps per job, replacing watch_state (what the watchers saw)
-- and notify_handled (what the notifier announced), which were merged on every load.
--   seen_status      the shared watchers' last status (replaced by BotStore.save)
--   announced_status what the notifier acted on, written with the messages it caused; it wins
--                    over seen_status on load, so a crash between the two never loses a notice
CREATE TABLE job_status (
  kind VARCHAR(16) NOT NULL,
  job_id VARCHAR(128) NOT NULL,
  seen_status VARCHAR(32),
  announced_status VARCHAR(32),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (kind, job_id));

INSERT INTO job_status (kind, job_id, seen_status, announced_status, updated_at)
  SELECT s.kind, s.job_id, s.status, h.status, COALESCE(h.updated_at, 0)
  FROM watch_state s LEFT JOIN notify_handled h ON h.kind = s.kind AND h.job_id = s.job_id;

INSERT INTO job_status (kind, job_id, seen_status, announced_status, updated_at)
  SELECT h.kind, h.job_id, NULL, h.status, h.updated_at
  FROM notify_handled h
  WHERE NOT EXISTS (SELECT 1 FROM watch_state s WHERE s.kind = h.kind AND s.job_id = h.job_id);

DROP TABLE notify_handled;
DROP TABLE watch_state;
