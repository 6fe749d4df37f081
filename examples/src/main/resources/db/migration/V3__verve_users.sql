-- The demo's users move to Verve's built-in accounts (verve_accounts.users, made by Verve's own migration, which
-- runs before these): each gets a new id of Verve's, and their todos follow them.
ALTER TABLE users ADD COLUMN verve_id INTEGER;
UPDATE users SET verve_id = nextval('verve_accounts.user_ids');
INSERT INTO verve_accounts.users (id, username, username_key, password_hash, roles)
  SELECT verve_id, username, username_key, password_hash, roles FROM users;

ALTER TABLE todos DROP CONSTRAINT todos_owner_fk;
UPDATE todos SET owner = (SELECT verve_id FROM users WHERE users.id = todos.owner) WHERE owner IS NOT NULL;
-- tag::owner[]
ALTER TABLE todos ADD CONSTRAINT todos_owner_fk FOREIGN KEY (owner) REFERENCES verve_accounts.users (id);
-- end::owner[]

DROP TABLE users;
DROP SEQUENCE user_ids;
