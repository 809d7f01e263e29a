-- The adviser pool. Where the adviser lives is stored resolved from the referential (EPCI, département, région,
-- territory), so that the candidate ranking is plain indexed SQL.
CREATE TABLE conseiller (
    id                        UUID PRIMARY KEY,
    account_subject           VARCHAR(255),
    first_name                VARCHAR(100) NOT NULL,
    last_name                 VARCHAR(100) NOT NULL,
    email                     VARCHAR(254) NOT NULL,
    phone                     VARCHAR(20),
    commune_code              VARCHAR(5)   NOT NULL,
    commune_name              VARCHAR(100) NOT NULL,
    -- the city itself for a municipal arrondissement (69381 → 69123): "same commune" compares cities
    home_commune_code         VARCHAR(5)   NOT NULL,
    epci_siren                VARCHAR(9),
    departement_code          VARCHAR(3)   NOT NULL,
    region_code               VARCHAR(3)   NOT NULL,
    territory_zone            VARCHAR(10)  NOT NULL,
    territory_code            VARCHAR(3)   NOT NULL,
    mobility                  VARCHAR(20)  NOT NULL,
    available_from            DATE         NOT NULL,
    job_seeker                BOOLEAN      NOT NULL,
    digital_mediation_diploma BOOLEAN      NOT NULL,
    prior_experience          BOOLEAN      NOT NULL,
    status                    VARCHAR(20)  NOT NULL,
    training_status           VARCHAR(20)  NOT NULL,
    -- candidates are ordered CERTIFIED first: an indexable number rather than a CASE in every query
    training_rank             SMALLINT GENERATED ALWAYS AS (
                                  CASE training_status WHEN 'CERTIFIED' THEN 0 WHEN 'ENROLLED' THEN 1
                                                       WHEN 'NOT_STARTED' THEN 2 ELSE 3 END) STORED,
    training_enrolled_on      DATE,
    training_certified_on     DATE,
    training_abandoned_on     DATE,
    training_hours_completed  INT          NOT NULL DEFAULT 0,
    created_at                TIMESTAMPTZ  NOT NULL,
    updated_at                TIMESTAMPTZ  NOT NULL,
    version                   BIGINT       NOT NULL,
    CONSTRAINT conseiller_mobility_known CHECK (mobility IN ('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'NATIONAL')),
    CONSTRAINT conseiller_status_known CHECK (status IN ('AVAILABLE', 'RECRUITED', 'UNAVAILABLE')),
    CONSTRAINT conseiller_training_known CHECK (training_status IN ('NOT_STARTED', 'ENROLLED', 'CERTIFIED', 'ABANDONED'))
);

-- Emails are stored lower-cased, so this is a case-insensitive uniqueness.
CREATE UNIQUE INDEX conseiller_email_unique ON conseiller (email);
-- One profile per account: a self-registration binds the profile to the token's subject.
CREATE UNIQUE INDEX conseiller_account_unique ON conseiller (account_subject) WHERE account_subject IS NOT NULL;

-- Candidate search: one partial index per proximity level, on the available advisers whose mobility reaches that
-- far, each in candidate order (CERTIFIED first, then the earliest available). A page of candidates reads each level
-- in index order and stops at the page's end; the total counts the same index ranges.
CREATE INDEX conseiller_candidate_commune ON conseiller (home_commune_code, training_rank, available_from, id)
    WHERE status = 'AVAILABLE';
CREATE INDEX conseiller_candidate_epci ON conseiller (epci_siren, training_rank, available_from, id)
    WHERE status = 'AVAILABLE' AND mobility IN ('EPCI', 'DEPARTEMENT', 'REGION', 'NATIONAL');
CREATE INDEX conseiller_candidate_departement ON conseiller (departement_code, training_rank, available_from, id)
    WHERE status = 'AVAILABLE' AND mobility IN ('DEPARTEMENT', 'REGION', 'NATIONAL');
CREATE INDEX conseiller_candidate_region ON conseiller (region_code, training_rank, available_from, id)
    WHERE status = 'AVAILABLE' AND mobility IN ('REGION', 'NATIONAL');
CREATE INDEX conseiller_candidate_national ON conseiller (territory_zone, training_rank, available_from, id)
    WHERE status = 'AVAILABLE' AND mobility = 'NATIONAL';

-- List filters.
CREATE INDEX conseiller_status ON conseiller (status, created_at);
CREATE INDEX conseiller_created ON conseiller (created_at, id);

-- Training history: every enrolment, progress report, certification and abandonment.
CREATE TABLE training_record (
    id              UUID PRIMARY KEY,
    conseiller_id   UUID         NOT NULL REFERENCES conseiller (id),
    action          VARCHAR(20)  NOT NULL,
    status_before   VARCHAR(20)  NOT NULL,
    status_after    VARCHAR(20)  NOT NULL,
    occurred_on     DATE         NOT NULL,
    hours_completed INT          NOT NULL,
    comment         VARCHAR(500),
    recorded_by     VARCHAR(255) NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX training_record_conseiller ON training_record (conseiller_id, recorded_at);

-- Creation requests retried with the same Idempotency-Key get the resource the first one created.
CREATE TABLE idempotent_request (
    caller          VARCHAR(255) NOT NULL,
    operation       VARCHAR(50)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    resource_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller, operation, idempotency_key)
);
