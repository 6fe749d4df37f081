-- The notes, each belonging to one of Verve's built-in users (verve_accounts.users, made before this migration runs).
-- One dialect for H2 (in PostgreSQL mode) and PostgreSQL: ids come from a sequence.
CREATE SEQUENCE note_ids;

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  owner INTEGER NOT NULL REFERENCES verve_accounts.users (id),
  body VARCHAR(500) NOT NULL
);

CREATE INDEX notes_by_owner ON notes (owner, id);
