-- Partner systems subscribe by HTTP to the events this service publishes.
CREATE TABLE webhook_subscription (
    id          UUID PRIMARY KEY,
    url         VARCHAR(2000) NOT NULL,
    event_types TEXT[]        NOT NULL,
    secret      VARCHAR(200)  NOT NULL,
    active      BOOLEAN       NOT NULL,
    created_by  VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    deleted_at  TIMESTAMPTZ,
    version     BIGINT        NOT NULL
);

-- One row per event and subscription, written in the transaction of the event itself (see Outbox.publish).
CREATE TABLE webhook_delivery (
    seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               UUID         NOT NULL UNIQUE,
    subscription_id  UUID         NOT NULL REFERENCES webhook_subscription (id),
    event_id         UUID         NOT NULL,
    event_type       VARCHAR(200) NOT NULL,
    aggregate_id     VARCHAR(100) NOT NULL,
    body             TEXT         NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    last_status_code INT,
    last_error       TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    delivered_at     TIMESTAMPTZ
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_by_aggregate ON webhook_delivery (subscription_id, aggregate_id, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, seq);

CREATE TABLE webhook_delivery_attempt (
    delivery_id  UUID        NOT NULL REFERENCES webhook_delivery (id),
    attempt      INT         NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INT,
    error        TEXT,
    duration_ms  BIGINT      NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
