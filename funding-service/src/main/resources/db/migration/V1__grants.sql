CREATE TABLE grant_award (
    id               UUID PRIMARY KEY,
    application_id   UUID           NOT NULL UNIQUE,
    campaign_id      UUID,
    siret            VARCHAR(14)    NOT NULL,
    structure_name   VARCHAR(200)   NOT NULL,
    category         VARCHAR(10)    NOT NULL,
    departement_code VARCHAR(3)     NOT NULL,
    territory_zone   VARCHAR(10)    NOT NULL,
    territory_code   VARCHAR(3)     NOT NULL,
    funding_phase    VARCHAR(20)    NOT NULL,
    contract_months  INT            NOT NULL,
    post_count       INT            NOT NULL,
    amount_per_post  NUMERIC(14, 2) NOT NULL,
    total_amount     NUMERIC(14, 2) NOT NULL,
    awarded_at       TIMESTAMPTZ    NOT NULL,
    version          BIGINT         NOT NULL
);

CREATE INDEX grant_award_siret ON grant_award (siret);

CREATE TABLE post_funding (
    post_id    UUID PRIMARY KEY,
    grant_id   UUID           NOT NULL REFERENCES grant_award (id),
    amount     NUMERIC(14, 2) NOT NULL,
    version    BIGINT         NOT NULL
);

CREATE INDEX post_funding_grant ON post_funding (grant_id);
