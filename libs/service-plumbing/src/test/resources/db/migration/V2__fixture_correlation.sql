-- The correlation id the consumer saw while applying the event.
ALTER TABLE fixture_receipt ADD COLUMN correlation_id VARCHAR(100);
