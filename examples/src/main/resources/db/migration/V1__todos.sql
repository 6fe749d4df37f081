-- The demo's todos. One dialect for both databases: H2 runs it in PostgreSQL mode.
-- tag::schema[]
-- Ids come from a sequence (nextval), not RETURNING, which H2 lacks.
CREATE SEQUENCE todo_ids;

CREATE TABLE todos (
  id INTEGER PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  done BOOLEAN NOT NULL DEFAULT FALSE
);
-- end::schema[]
