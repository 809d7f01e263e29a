-- Idempotency keys now live in the shared plumbing's idempotency_record, with the stored response.
DROP TABLE idempotent_request;
