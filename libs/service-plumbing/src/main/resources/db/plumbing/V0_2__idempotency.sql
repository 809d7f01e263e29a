-- Responses to creation requests sent with an Idempotency-Key, kept 24 hours so that a partner can retry safely.
CREATE TABLE idempotency_record (
    caller           VARCHAR(200) NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    request_hash     VARCHAR(64)  NOT NULL,
    status           INT,
    response_body    TEXT,
    response_headers TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ,
    PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
