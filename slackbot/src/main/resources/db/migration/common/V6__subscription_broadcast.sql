-- Which outcomes of a subscription are posted in the channel itself (FAILURES, ALL, NONE); the
-- others are replies in the channel's thread of the day. Subscriptions made before this column
-- posted every outcome in the channel, so they keep doing so (ALL); new ones default to FAILURES.
ALTER TABLE notify_subscription ADD COLUMN broadcast VARCHAR(16) DEFAULT 'ALL' NOT NULL;
