CREATE TABLE application (
    id                UUID PRIMARY KEY,
    siret             VARCHAR(14)  NOT NULL,
    structure_name    VARCHAR(200) NOT NULL,
    structure_type    VARCHAR(40)  NOT NULL,
    category          VARCHAR(10)  NOT NULL,
    commune_code      VARCHAR(5)   NOT NULL,
    departement_code  VARCHAR(3)   NOT NULL,
    region_code       VARCHAR(3)   NOT NULL,
    territory_zone    VARCHAR(10)  NOT NULL,
    territory_code    VARCHAR(3)   NOT NULL,
    qpv               BOOLEAN      NOT NULL,
    zrr               BOOLEAN      NOT NULL,
    campaign_id       UUID,
    funding_phase     VARCHAR(20)  NOT NULL,
    posts_requested   INT          NOT NULL,
    contract_months   INT          NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    posts_granted     INT,
    decision_number   VARCHAR(40),
    decided_at        TIMESTAMPTZ,
    granted_amount    NUMERIC(14, 2),
    created_at        TIMESTAMPTZ  NOT NULL,
    version           BIGINT       NOT NULL
);

CREATE INDEX application_siret ON application (siret);

CREATE TABLE granted_post (
    application_id UUID NOT NULL REFERENCES application (id),
    post_id        UUID NOT NULL UNIQUE,
    position       INT  NOT NULL,
    PRIMARY KEY (application_id, position)
);
