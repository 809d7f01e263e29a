-- Funding rules, the occupation of each post, its tranches, recoveries, parked events and evaluation runs.
-- Grants awarded before this version (walking skeleton, phase 1 only) are completed at the end of this script with
-- the phase-1 funded period and tranche plan, as the service would have computed them.

ALTER TABLE grant_award
    ADD COLUMN commune_code             VARCHAR(5),
    ADD COLUMN qpv                      BOOLEAN        NOT NULL DEFAULT FALSE,
    ADD COLUMN zrr                      BOOLEAN        NOT NULL DEFAULT FALSE,
    ADD COLUMN rule_set_version         VARCHAR(20)    NOT NULL DEFAULT 'unknown',
    ADD COLUMN decision_number          VARCHAR(100),
    ADD COLUMN funded_months            INT            NOT NULL DEFAULT 0,
    ADD COLUMN mainland_amount_per_post NUMERIC(14, 2),
    ADD COLUMN overseas_rate            NUMERIC(6, 4)  NOT NULL DEFAULT 0,
    ADD COLUMN priority_area_bonus      BOOLEAN        NOT NULL DEFAULT FALSE,
    ADD COLUMN status                   VARCHAR(20)    NOT NULL DEFAULT 'AWARDED';

UPDATE grant_award SET mainland_amount_per_post = amount_per_post WHERE mainland_amount_per_post IS NULL;
UPDATE grant_award SET rule_set_version = '2021.1',
       funded_months = LEAST(contract_months, CASE category WHEN 'PUBLIC' THEN 24 ELSE 18 END)
 WHERE rule_set_version = 'unknown';
ALTER TABLE grant_award ALTER COLUMN mainland_amount_per_post SET NOT NULL;

CREATE INDEX grant_award_campaign ON grant_award (campaign_id);
CREATE INDEX grant_award_status ON grant_award (status);
CREATE INDEX grant_award_departement ON grant_award (departement_code);
CREATE INDEX grant_award_zone ON grant_award (territory_zone);
CREATE INDEX grant_award_awarded_at ON grant_award (awarded_at DESC, id);

ALTER TABLE post_funding
    ADD COLUMN application_id            UUID,
    ADD COLUMN siret                     VARCHAR(14),
    ADD COLUMN funded_months             INT         NOT NULL DEFAULT 0,
    ADD COLUMN funded_days               INT         NOT NULL DEFAULT 0,
    ADD COLUMN replacement_window_months INT         NOT NULL DEFAULT 3,
    ADD COLUMN status                    VARCHAR(20) NOT NULL DEFAULT 'AWAITING_CONTRACT',
    ADD COLUMN occupied_days             INT         NOT NULL DEFAULT 0,
    ADD COLUMN current_contract_id       UUID,
    ADD COLUMN current_counted_from      DATE,
    ADD COLUMN current_counted_until     DATE,
    ADD COLUMN first_contract_start      DATE,
    ADD COLUMN vacant_since              DATE,
    ADD COLUMN replacement_deadline      DATE,
    ADD COLUMN next_check_on             DATE,
    ADD COLUMN earned_amount             NUMERIC(14, 2),
    ADD COLUMN completed_on              DATE,
    ADD COLUMN closed_on                 DATE,
    ADD COLUMN closing_reason            VARCHAR(40),
    ADD CONSTRAINT post_funding_occupied_within_funded CHECK (occupied_days >= 0 AND occupied_days <= GREATEST(funded_days, 0));

UPDATE post_funding p SET application_id = g.application_id, siret = g.siret, funded_months = g.funded_months,
       funded_days = 30 * g.funded_months
  FROM grant_award g WHERE p.grant_id = g.id;
ALTER TABLE post_funding ALTER COLUMN application_id SET NOT NULL, ALTER COLUMN siret SET NOT NULL;

-- The daily evaluation reads only the posts whose next trigger date has come.
CREATE INDEX post_funding_next_check ON post_funding (next_check_on) WHERE status IN ('OCCUPIED', 'VACANT');

CREATE TABLE tranche (
    id                   UUID PRIMARY KEY,
    post_id              UUID           NOT NULL REFERENCES post_funding (post_id),
    grant_id             UUID           NOT NULL REFERENCES grant_award (id),
    application_id       UUID           NOT NULL,
    campaign_id          UUID,
    siret                VARCHAR(14)    NOT NULL,
    rank                 INT            NOT NULL CHECK (rank BETWEEN 1 AND 4),
    amount               NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    threshold_days       INT            NOT NULL,
    status               VARCHAR(10)    NOT NULL,
    due_date             DATE,
    paid_on              DATE,
    paid_amount          NUMERIC(14, 2),
    payment_reference    VARCHAR(100)   UNIQUE,
    payment_recorded_at  TIMESTAMPTZ,
    cancelled_on         DATE,
    cancellation_reason  VARCHAR(40),
    created_at           TIMESTAMPTZ    NOT NULL,
    version              BIGINT         NOT NULL,
    UNIQUE (post_id, rank),
    CHECK (status <> 'PAID' OR (paid_amount = amount AND payment_reference IS NOT NULL))
);

CREATE INDEX tranche_status_due ON tranche (status, due_date);
CREATE INDEX tranche_siret ON tranche (siret, status);
CREATE INDEX tranche_grant ON tranche (grant_id);
CREATE INDEX tranche_campaign ON tranche (campaign_id);

CREATE TABLE post_contract (
    contract_id          UUID PRIMARY KEY,
    post_id              UUID           NOT NULL REFERENCES post_funding (post_id),
    conseiller_id        UUID,
    contract_type        VARCHAR(20),
    start_date           DATE           NOT NULL,
    planned_end_date     DATE,
    gross_monthly_salary NUMERIC(10, 2) NOT NULL,
    weekly_hours         NUMERIC(5, 2)  NOT NULL,
    counted              BOOLEAN        NOT NULL,
    counted_from         DATE,
    end_date             DATE,
    end_reason           VARCHAR(40),
    occupied_days        INT,
    recorded_at          TIMESTAMPTZ    NOT NULL,
    version              BIGINT         NOT NULL
);

CREATE INDEX post_contract_post ON post_contract (post_id, start_date);

CREATE TABLE recovery (
    id              UUID PRIMARY KEY,
    grant_id        UUID           NOT NULL REFERENCES grant_award (id),
    post_id         UUID           NOT NULL UNIQUE REFERENCES post_funding (post_id),
    application_id  UUID           NOT NULL,
    campaign_id     UUID,
    siret           VARCHAR(14)    NOT NULL,
    amount          NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    earned_amount   NUMERIC(14, 2) NOT NULL,
    paid_amount     NUMERIC(14, 2) NOT NULL,
    settled_amount  NUMERIC(14, 2) NOT NULL CHECK (settled_amount >= 0 AND settled_amount <= amount),
    reason          VARCHAR(200)   NOT NULL,
    issued_on       DATE           NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    version         BIGINT         NOT NULL
);

CREATE INDEX recovery_status ON recovery (status, issued_on);
CREATE INDEX recovery_siret ON recovery (siret);
CREATE INDEX recovery_campaign ON recovery (campaign_id);

CREATE TABLE recovery_settlement (
    id           UUID PRIMARY KEY,
    recovery_id  UUID           NOT NULL REFERENCES recovery (id),
    amount       NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    received_on  DATE           NOT NULL,
    reference    VARCHAR(100)   NOT NULL UNIQUE,
    recorded_by  VARCHAR(200),
    recorded_at  TIMESTAMPTZ    NOT NULL
);

CREATE INDEX recovery_settlement_recovery ON recovery_settlement (recovery_id);

CREATE TABLE parked_event (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     VARCHAR(300) NOT NULL UNIQUE,
    event_type   VARCHAR(200) NOT NULL,
    post_id      UUID         NOT NULL,
    contract_id  UUID,
    payload      TEXT         NOT NULL,
    headers      TEXT         NOT NULL,
    waiting_for  VARCHAR(300) NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    parked_at    TIMESTAMPTZ  NOT NULL,
    resolved_at  TIMESTAMPTZ,
    outcome      TEXT
);

CREATE INDEX parked_event_waiting ON parked_event (post_id, seq) WHERE status = 'PARKED';
CREATE INDEX parked_event_status ON parked_event (status, seq);

CREATE TABLE tranche_evaluation_run (
    id                UUID PRIMARY KEY,
    as_of             DATE        NOT NULL,
    triggered_by      VARCHAR(10) NOT NULL,
    requested_by      VARCHAR(200),
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    posts_examined    INT         NOT NULL,
    tranches_due      INT         NOT NULL,
    posts_completed   INT         NOT NULL,
    posts_closed      INT         NOT NULL,
    recoveries_issued INT         NOT NULL,
    adjustments_due   INT         NOT NULL,
    failures          INT         NOT NULL
);

CREATE INDEX tranche_evaluation_run_started ON tranche_evaluation_run (started_at DESC);

-- The phase-1 plan of the skeleton's posts: 50 / 30 / 20 %, each part rounded half-even to the cent (on integer
-- cents: n / 10 with n = cents x 5 or x 3), the last part taking the remainder; due at 0, half and all of the period.
WITH legacy AS (
    SELECT p.post_id, p.grant_id, g.application_id, g.campaign_id, g.siret, p.funded_days,
           (p.amount * 100)::BIGINT AS cents, g.awarded_at
      FROM post_funding p JOIN grant_award g ON g.id = p.grant_id
     WHERE NOT EXISTS (SELECT 1 FROM tranche t WHERE t.post_id = p.post_id)
), parts AS (
    SELECT legacy.*,
           CASE WHEN (cents * 5) % 10 > 5 THEN (cents * 5) / 10 + 1
                WHEN (cents * 5) % 10 < 5 THEN (cents * 5) / 10
                ELSE (cents * 5) / 10 + ((cents * 5) / 10) % 2 END AS t1,
           CASE WHEN (cents * 3) % 10 > 5 THEN (cents * 3) / 10 + 1
                WHEN (cents * 3) % 10 < 5 THEN (cents * 3) / 10
                ELSE (cents * 3) / 10 + ((cents * 3) / 10) % 2 END AS t2
      FROM legacy
)
INSERT INTO tranche (id, post_id, grant_id, application_id, campaign_id, siret, rank, amount, threshold_days, status,
                     created_at, version)
SELECT gen_random_uuid(), post_id, grant_id, application_id, campaign_id, siret, plan.rank, plan.cents / 100.0,
       plan.threshold, 'PLANNED', awarded_at, 0
  FROM parts
 CROSS JOIN LATERAL (VALUES (1, t1, 0),
                            (2, t2, (funded_days + 1) / 2),
                            (3, cents - t1 - t2, funded_days)) AS plan (rank, cents, threshold);
