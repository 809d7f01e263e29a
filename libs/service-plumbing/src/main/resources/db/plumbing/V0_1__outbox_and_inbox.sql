-- Shared by every service: listed first in quarkus.flyway.locations, so it runs before the service's own V1.

-- Transactional outbox: a row is written in the transaction of the state change it announces.
-- The relay publishes rows in seq order and stamps published_at once the broker has acknowledged them.
CREATE TABLE outbox_event (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             UUID         NOT NULL UNIQUE,
    topic          VARCHAR(200) NOT NULL,
    aggregate_type VARCHAR(100) NOT NULL,
    aggregate_id   VARCHAR(100) NOT NULL,
    event_type     VARCHAR(200) NOT NULL,
    payload        TEXT,
    headers        TEXT         NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    published_at   TIMESTAMPTZ,
    attempts       INT          NOT NULL DEFAULT 0,
    last_error     TEXT
);

CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_pending_by_aggregate ON outbox_event (aggregate_id, seq) WHERE published_at IS NULL;

-- Inbox: one row per consumed event, written in the transaction of its effect, so a redelivery has none.
CREATE TABLE inbox_entry (
    consumer         VARCHAR(100) NOT NULL,
    event_key        VARCHAR(300) NOT NULL,
    event_type       VARCHAR(200),
    outcome          VARCHAR(20)  NOT NULL,
    reason           TEXT,
    source_topic     VARCHAR(200) NOT NULL,
    source_partition INT          NOT NULL,
    source_offset    BIGINT       NOT NULL,
    processed_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_key)
);

CREATE INDEX inbox_entry_outcome ON inbox_entry (outcome, processed_at);
