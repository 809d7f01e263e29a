-- Mises en relation: one adviser proposed for one post.
CREATE TABLE placement_match (
    id            UUID PRIMARY KEY,
    post_id       UUID         NOT NULL REFERENCES post (id),
    conseiller_id UUID         NOT NULL REFERENCES conseiller (id),
    siret         VARCHAR(14)  NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    proximity     VARCHAR(20)  NOT NULL,
    contract_id   UUID,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT match_state_known CHECK (state IN ('NEW', 'SHORTLISTED', 'DECLINED', 'RECRUITED', 'FINALIZED',
                                                  'RUPTURE_DECLARED', 'ENDED', 'OBSOLETE'))
);

-- Invariant: recruitments on a post never exceed one at a time.
CREATE UNIQUE INDEX match_one_recruitment_per_post ON placement_match (post_id) WHERE state = 'RECRUITED';
-- One open match per adviser and post; a closed one (declined, ended, obsolete) may be followed by a new one.
CREATE UNIQUE INDEX match_one_open_per_pair ON placement_match (post_id, conseiller_id)
    WHERE state IN ('NEW', 'SHORTLISTED', 'RECRUITED', 'FINALIZED', 'RUPTURE_DECLARED');

CREATE INDEX match_siret ON placement_match (siret, created_at);
CREATE INDEX match_post ON placement_match (post_id, state);
CREATE INDEX match_conseiller ON placement_match (conseiller_id, state);
CREATE INDEX match_created ON placement_match (created_at, id);

-- Every transition of a match, with who made it.
CREATE TABLE match_transition (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    match_id    UUID         NOT NULL REFERENCES placement_match (id),
    from_state  VARCHAR(20),
    to_state    VARCHAR(20)  NOT NULL,
    command     VARCHAR(40)  NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    detail      VARCHAR(500),
    occurred_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX match_transition_match ON match_transition (match_id, id);

-- Employment contracts: PROPOSED at recruitment, ACTIVE once finalized, then ENDED; CANCELLED when the recruitment
-- is cancelled or the match becomes obsolete.
CREATE TABLE contract (
    id                   UUID PRIMARY KEY,
    match_id             UUID          NOT NULL REFERENCES placement_match (id),
    post_id              UUID          NOT NULL REFERENCES post (id),
    conseiller_id        UUID          NOT NULL REFERENCES conseiller (id),
    application_id       UUID          NOT NULL,
    siret                VARCHAR(14)   NOT NULL,
    contract_type        VARCHAR(20)   NOT NULL,
    start_date           DATE          NOT NULL,
    end_date             DATE,
    gross_monthly_salary NUMERIC(9, 2) NOT NULL,
    weekly_hours         NUMERIC(4, 2) NOT NULL,
    state                VARCHAR(20)   NOT NULL,
    proposed_at          TIMESTAMPTZ   NOT NULL,
    started_at           TIMESTAMPTZ,
    rupture_date         DATE,
    rupture_reason       VARCHAR(40),
    rupture_comment      VARCHAR(500),
    rupture_declared_at  TIMESTAMPTZ,
    ended_on             DATE,
    end_reason           VARCHAR(40),
    version              BIGINT        NOT NULL,
    CONSTRAINT contract_state_known CHECK (state IN ('PROPOSED', 'ACTIVE', 'ENDED', 'CANCELLED')),
    CONSTRAINT contract_dates CHECK (end_date IS NULL OR end_date > start_date)
);

ALTER TABLE placement_match ADD CONSTRAINT match_contract FOREIGN KEY (contract_id) REFERENCES contract (id);

-- Invariants: a post has at most one active contract, and so has an adviser.
CREATE UNIQUE INDEX contract_one_active_per_post ON contract (post_id) WHERE state = 'ACTIVE';
CREATE UNIQUE INDEX contract_one_active_per_conseiller ON contract (conseiller_id) WHERE state = 'ACTIVE';

CREATE INDEX contract_post ON contract (post_id, start_date);
CREATE INDEX contract_match ON contract (match_id);
-- The daily natural-end job looks for active contracts whose end date has passed.
CREATE INDEX contract_active_end ON contract (end_date) WHERE state = 'ACTIVE';
