-- Structures and campaigns become resources of their own; applications reference them and gain their review:
-- history, comments, prefect opinion, decision details. Rows written by the walking skeleton (V1) are carried over.

-- Structures accueillantes --------------------------------------------------------------------------------------
CREATE TABLE structure (
    id                 UUID         PRIMARY KEY,
    siret              VARCHAR(14)  NOT NULL,
    name               VARCHAR(200) NOT NULL,
    -- lower case, accents removed: what the text search compares (no pg_trgm needed; a few thousand rows)
    name_search        VARCHAR(200) NOT NULL,
    type               VARCHAR(40)  NOT NULL,
    category           VARCHAR(10)  NOT NULL,
    commune_code       VARCHAR(5)   NOT NULL,
    departement_code   VARCHAR(3)   NOT NULL,
    region_code        VARCHAR(3)   NOT NULL,
    territory_zone     VARCHAR(10)  NOT NULL,
    territory_code     VARCHAR(3)   NOT NULL,
    qpv                BOOLEAN      NOT NULL,
    zrr                BOOLEAN      NOT NULL,
    -- required at registration; null only for structures carried over from V1, which had no contact
    contact_first_name VARCHAR(100),
    contact_last_name  VARCHAR(100),
    contact_role       VARCHAR(100),
    contact_email      VARCHAR(254),
    contact_phone      VARCHAR(30),
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL,
    CONSTRAINT structure_siret_unique UNIQUE (siret),
    CONSTRAINT structure_category_known CHECK (category IN ('PUBLIC', 'PRIVATE')),
    CONSTRAINT structure_zone_known CHECK (territory_zone IN ('METRO', 'DROM', 'COM'))
);

-- The list filters on each of these.
CREATE INDEX structure_type ON structure (type);
CREATE INDEX structure_category ON structure (category);
CREATE INDEX structure_departement ON structure (departement_code);
CREATE INDEX structure_region ON structure (region_code);
CREATE INDEX structure_zone ON structure (territory_zone);
CREATE INDEX structure_name_search ON structure (name_search, id);

-- One structure per SIRET the skeleton saw, with its latest data.
INSERT INTO structure (id, siret, name, name_search, type, category, commune_code, departement_code, region_code,
                       territory_zone, territory_code, qpv, zrr, created_at, updated_at, version)
SELECT DISTINCT ON (siret)
       gen_random_uuid(), siret, structure_name,
       translate(lower(structure_name), 'àâäáãéèêëíìîïóòôöõúùûüçñÿœæ', 'aaaaaeeeeiiiiooooouuuucnyoa'),
       structure_type, category, commune_code, departement_code, region_code, territory_zone, territory_code, qpv, zrr,
       created_at, created_at, 0
FROM application
ORDER BY siret, created_at DESC;

-- Campaigns (AMI waves) ------------------------------------------------------------------------------------------
CREATE TABLE campaign (
    id                          UUID         PRIMARY KEY,
    name                        VARCHAR(200) NOT NULL,
    opens_on                    DATE         NOT NULL,
    closes_on                   DATE         NOT NULL,
    post_quota                  INT          NOT NULL,
    -- kept by approvals under the campaign's row lock; the CHECK is the last guard of the quota
    posts_granted               INT          NOT NULL DEFAULT 0,
    funding_phase               VARCHAR(20)  NOT NULL,
    recruitment_deadline_months INT          NOT NULL,
    created_at                  TIMESTAMPTZ  NOT NULL,
    version                     BIGINT       NOT NULL,
    CONSTRAINT campaign_name_unique UNIQUE (name),
    CONSTRAINT campaign_dates_ordered CHECK (closes_on >= opens_on),
    CONSTRAINT campaign_quota_positive CHECK (post_quota > 0),
    CONSTRAINT campaign_quota_respected CHECK (posts_granted >= 0 AND posts_granted <= post_quota),
    CONSTRAINT campaign_deadline_positive CHECK (recruitment_deadline_months > 0)
);

CREATE INDEX campaign_dates ON campaign (opens_on, closes_on);

CREATE TABLE campaign_eligible_category (
    campaign_id UUID        NOT NULL REFERENCES campaign (id),
    category    VARCHAR(10) NOT NULL CHECK (category IN ('PUBLIC', 'PRIVATE')),
    PRIMARY KEY (campaign_id, category)
);

-- The skeleton's applications had no campaign, or one that existed nowhere: each distinct value becomes a campaign.
UPDATE application SET campaign_id = '00000000-0000-4000-8000-000000000001' WHERE campaign_id IS NULL;

INSERT INTO campaign (id, name, opens_on, closes_on, post_quota, posts_granted, funding_phase,
                      recruitment_deadline_months, created_at, version)
SELECT campaign_id,
       'Campagne reprise ' || campaign_id,
       min(created_at)::date,
       max(created_at)::date,
       GREATEST(4000, COALESCE(sum(posts_granted) FILTER (WHERE status = 'APPROVED'), 0)),
       COALESCE(sum(posts_granted) FILTER (WHERE status = 'APPROVED'), 0),
       min(funding_phase),
       3,
       min(created_at),
       0
FROM application
GROUP BY campaign_id;

INSERT INTO campaign_eligible_category (campaign_id, category)
SELECT c.id, categories.category FROM campaign c CROSS JOIN (VALUES ('PUBLIC'), ('PRIVATE')) AS categories (category);

-- Applications ---------------------------------------------------------------------------------------------------
ALTER TABLE application
    ADD COLUMN structure_id             UUID REFERENCES structure (id),
    ADD COLUMN desired_start_date       DATE,
    ADD COLUMN motivation               VARCHAR(2500),
    ADD COLUMN france_services_label    BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN updated_at               TIMESTAMPTZ,
    ADD COLUMN submitted_at             TIMESTAMPTZ,
    ADD COLUMN priority                 BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN decision_comment         VARCHAR(2000),
    ADD COLUMN rejection_reason         VARCHAR(40),
    ADD COLUMN prefect_opinion          VARCHAR(20),
    ADD COLUMN prefect_opinion_comment  VARCHAR(2000),
    ADD COLUMN prefect_opinion_by       VARCHAR(200),
    ADD COLUMN prefect_opinion_at       TIMESTAMPTZ;

UPDATE application a SET structure_id = s.id FROM structure s WHERE s.siret = a.siret;
-- The skeleton did not record submission times: its creation time is the closest known bound.
UPDATE application SET updated_at = created_at,
                       submitted_at = CASE WHEN status <> 'DRAFT' THEN created_at END;

ALTER TABLE application
    ALTER COLUMN structure_id SET NOT NULL,
    ALTER COLUMN campaign_id SET NOT NULL,
    ALTER COLUMN updated_at SET NOT NULL,
    ADD CONSTRAINT application_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    ADD CONSTRAINT application_posts_requested_range CHECK (posts_requested BETWEEN 1 AND 50),
    ADD CONSTRAINT application_posts_granted_range CHECK (posts_granted IS NULL OR posts_granted <= posts_requested),
    -- structure_name ... territory_code now live on structure; the phase on campaign.
    DROP COLUMN structure_name,
    DROP COLUMN structure_type,
    DROP COLUMN commune_code,
    DROP COLUMN territory_code,
    DROP COLUMN qpv,
    DROP COLUMN zrr,
    DROP COLUMN funding_phase;

-- The append-only audit history of every command on an application.
CREATE SEQUENCE application_history_seq INCREMENT BY 50;

CREATE TABLE application_history (
    seq           BIGINT       PRIMARY KEY,
    application_id UUID        NOT NULL REFERENCES application (id),
    action        VARCHAR(30)  NOT NULL,
    from_status   VARCHAR(20),
    to_status     VARCHAR(20)  NOT NULL,
    actor_subject VARCHAR(200) NOT NULL,
    actor_role    VARCHAR(20)  NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    comment       VARCHAR(2200)
);

CREATE INDEX application_history_application ON application_history (application_id, seq);

-- What the skeleton did before history existed is unknown: one entry says so.
INSERT INTO application_history (seq, application_id, action, from_status, to_status, actor_subject, actor_role,
                                 occurred_at, comment)
SELECT nextval('application_history_seq'), id, 'CREATE', NULL, status, 'migration-v2', 'system', created_at,
       'carried over from the walking skeleton; earlier commands were not recorded'
FROM application;

CREATE FUNCTION application_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'application_history is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER application_history_append_only
    BEFORE UPDATE OR DELETE ON application_history
    FOR EACH ROW EXECUTE FUNCTION application_history_is_append_only();

CREATE TRIGGER application_history_no_truncate
    BEFORE TRUNCATE ON application_history
    FOR EACH STATEMENT EXECUTE FUNCTION application_history_is_append_only();

-- The skeleton allowed several open applications of one structure; the newest stays, older ones are withdrawn,
-- and the history says why, before the rule becomes a constraint.
WITH ranked AS (
    SELECT id, status,
           row_number() OVER (PARTITION BY structure_id, campaign_id ORDER BY created_at DESC, id) AS rank
    FROM application
    WHERE status IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED')
), withdrawn AS (
    UPDATE application a SET status = 'WITHDRAWN', updated_at = now(), version = a.version + 1
    FROM ranked r WHERE r.id = a.id AND r.rank > 1
    RETURNING a.id, r.status AS from_status
)
INSERT INTO application_history (seq, application_id, action, from_status, to_status, actor_subject, actor_role,
                                 occurred_at, comment)
SELECT nextval('application_history_seq'), id, 'WITHDRAW', from_status, 'WITHDRAWN', 'migration-v2', 'system', now(),
       'a newer application of the structure is open in the same campaign'
FROM withdrawn;

-- At most one application in progress per structure and campaign; the service checks first, this decides races.
CREATE UNIQUE INDEX application_one_open_per_structure_and_campaign ON application (structure_id, campaign_id)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED');

-- The list filters and sorts on these.
CREATE INDEX application_structure ON application (structure_id);
CREATE INDEX application_campaign ON application (campaign_id, status);
CREATE INDEX application_status ON application (status);
CREATE INDEX application_departement ON application (departement_code);
CREATE INDEX application_region ON application (region_code);
CREATE INDEX application_zone ON application (territory_zone);
CREATE INDEX application_category ON application (category);
CREATE INDEX application_submitted_at ON application (submitted_at);
CREATE INDEX application_created_at ON application (created_at, id);
CREATE INDEX application_decided_at ON application (decided_at);

-- Comments: messages the structure sees, internal notes it never does.
CREATE TABLE application_comment (
    id             UUID          PRIMARY KEY,
    application_id UUID          NOT NULL REFERENCES application (id),
    kind           VARCHAR(20)   NOT NULL CHECK (kind IN ('MESSAGE', 'INTERNAL_NOTE')),
    body           VARCHAR(4000) NOT NULL,
    author_subject VARCHAR(200)  NOT NULL,
    author_role    VARCHAR(20)   NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL
);

CREATE INDEX application_comment_application ON application_comment (application_id, created_at);

-- Funding read model, fed by funding-service's GrantAwarded and TranchePaid --------------------------------------
CREATE TABLE application_funding (
    application_id  UUID           PRIMARY KEY REFERENCES application (id),
    grant_id        UUID,
    post_count      INT,
    amount_per_post NUMERIC(14, 2),
    granted_amount  NUMERIC(14, 2),
    paid_amount     NUMERIC(14, 2) NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ    NOT NULL
);

INSERT INTO application_funding (application_id, granted_amount, paid_amount, updated_at)
SELECT id, granted_amount, 0, now() FROM application WHERE granted_amount IS NOT NULL;

ALTER TABLE application DROP COLUMN granted_amount;

CREATE TABLE tranche_payment (
    tranche_id        UUID           PRIMARY KEY,
    application_id    UUID           NOT NULL REFERENCES application (id),
    grant_id          UUID           NOT NULL,
    rank              INT            NOT NULL,
    paid_amount       NUMERIC(14, 2) NOT NULL CHECK (paid_amount > 0),
    paid_on           DATE           NOT NULL,
    payment_reference VARCHAR(100),
    recorded_at       TIMESTAMPTZ    NOT NULL
);

CREATE INDEX tranche_payment_application ON tranche_payment (application_id);

-- Idempotency-Key of creation requests (DESIGN §6): a retry with the same key replays the first result.
CREATE TABLE idempotency_key (
    caller_subject      VARCHAR(200) NOT NULL,
    idempotency_key     VARCHAR(100) NOT NULL,
    operation           VARCHAR(100) NOT NULL,
    request_fingerprint VARCHAR(64)  NOT NULL,
    resource_id         UUID,
    created_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller_subject, idempotency_key)
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
