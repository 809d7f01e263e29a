CREATE TABLE post (
    id                   UUID PRIMARY KEY,
    application_id       UUID         NOT NULL,
    campaign_id          UUID,
    siret                VARCHAR(14)  NOT NULL,
    structure_name       VARCHAR(200) NOT NULL,
    commune_code         VARCHAR(5)   NOT NULL,
    departement_code     VARCHAR(3)   NOT NULL,
    region_code          VARCHAR(3)   NOT NULL,
    territory_zone       VARCHAR(10)  NOT NULL,
    contract_months      INT          NOT NULL,
    recruitment_deadline DATE         NOT NULL,
    state                VARCHAR(20)  NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL
);

CREATE INDEX post_application ON post (application_id);
CREATE INDEX post_siret ON post (siret);
