-- The bot store as the releases before versioned migrations created it (Schema.java), kept
-- verbatim: IF NOT EXISTS lets an existing bot.db that lacks a later table be completed before it
-- is baselined at version 1. Never edit this file; add a new version instead.
CREATE TABLE IF NOT EXISTS notify_subscription (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  channel VARCHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  model VARCHAR(256),
  only_failures INTEGER NOT NULL,
  created_by VARCHAR(64),
  created_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS notify_subscription_channel ON notify_subscription (channel);
CREATE TABLE IF NOT EXISTS notify_watch (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  channel VARCHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  job_id VARCHAR(128) NOT NULL,
  user_id VARCHAR(64),
  message_ts VARCHAR(32),
  last_status VARCHAR(32),
  active INTEGER NOT NULL,
  created_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS notify_watch_job ON notify_watch (kind, job_id);
CREATE INDEX IF NOT EXISTS notify_watch_channel ON notify_watch (channel);
CREATE TABLE IF NOT EXISTS notify_outbox (
  id BIGINT NOT NULL PRIMARY KEY,
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
CREATE INDEX IF NOT EXISTS notify_outbox_pending ON notify_outbox (state, channel, id);
CREATE INDEX IF NOT EXISTS notify_outbox_watch ON notify_outbox (watch_id);
CREATE TABLE IF NOT EXISTS watch_state (
  kind VARCHAR(16) NOT NULL,
  job_id VARCHAR(128) NOT NULL,
  status VARCHAR(32) NOT NULL,
  PRIMARY KEY (kind, job_id));
CREATE TABLE IF NOT EXISTS button_action (
  token VARCHAR(64) NOT NULL PRIMARY KEY,
  kind VARCHAR(8) NOT NULL,
  owner VARCHAR(64) NOT NULL,
  channel VARCHAR(64) NOT NULL,
  line TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT);
CREATE INDEX IF NOT EXISTS button_action_expiry ON button_action (expires_at);
CREATE TABLE IF NOT EXISTS notify_handled (
  kind VARCHAR(16) NOT NULL,
  job_id VARCHAR(128) NOT NULL,
  status VARCHAR(32) NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (kind, job_id));
