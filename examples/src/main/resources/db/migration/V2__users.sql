-- Users, and todos that belong to one. A name is unique whatever its case: "Ada" and "ada" are one user.
-- tag::users[]
CREATE SEQUENCE user_ids;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username VARCHAR(32) NOT NULL,
  username_key VARCHAR(32) NOT NULL UNIQUE,
  password_hash VARCHAR(300) NOT NULL,
  roles VARCHAR(200) NOT NULL DEFAULT ''
);

-- Todos made before there were users belong to nobody, and nobody sees them.
ALTER TABLE todos ADD COLUMN owner INTEGER;
ALTER TABLE todos ADD CONSTRAINT todos_owner_fk FOREIGN KEY (owner) REFERENCES users (id);
CREATE INDEX todos_by_owner ON todos (owner, id);
-- end::users[]
