-- A fine-tune subscription's watchdog alerts (subscribe finetunes --alerts [--stalled D] [--queued D]):
-- the log silence and the queue wait after which the channel is told, in milliseconds; NULL when
-- the subscription asked for no alerts.
ALTER TABLE notify_subscription ADD COLUMN alert_stalled_ms BIGINT;
ALTER TABLE notify_subscription ADD COLUMN alert_queued_ms BIGINT;
