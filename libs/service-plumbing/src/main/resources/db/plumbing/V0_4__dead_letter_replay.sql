-- A dead-lettered event keeps its record so that an operator can replay it once the cause is fixed.
ALTER TABLE inbox_entry ADD COLUMN record_key VARCHAR(300);
ALTER TABLE inbox_entry ADD COLUMN payload TEXT;
ALTER TABLE inbox_entry ADD COLUMN headers TEXT;
