-- Posts: the return date, the state check, and indexes for the list filters (state + deadline serves "overdue").
ALTER TABLE post ADD COLUMN returned_on DATE;
ALTER TABLE post ADD CONSTRAINT post_state_known CHECK (state IN ('VACANT', 'OCCUPIED', 'RETURNED'));

CREATE INDEX post_state_deadline ON post (state, recruitment_deadline);
CREATE INDEX post_departement ON post (departement_code);
CREATE INDEX post_region ON post (region_code);
CREATE INDEX post_zone ON post (territory_zone);
CREATE INDEX post_created ON post (created_at, id);
