-- Texts the fixture consumer refuses while they are listed: a cause of dead letters that an operator can fix.
CREATE TABLE fixture_blocked_text (
    text VARCHAR(200) PRIMARY KEY
);
