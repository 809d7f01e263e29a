CREATE TABLE fixture_note (
    id   UUID PRIMARY KEY,
    text VARCHAR(200) NOT NULL
);

-- One row per note event applied; times_applied shows whether an event had a second effect.
CREATE TABLE fixture_receipt (
    note_id       UUID PRIMARY KEY,
    text          VARCHAR(200) NOT NULL,
    times_applied INT NOT NULL
);
