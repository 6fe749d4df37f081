-- Verve's built-in accounts (dev.verve.auth.Users), in a schema of Verve's own: its history table never
-- meets the app's, and an app's table may reference verve_accounts.users (id).
CREATE SEQUENCE verve_accounts.user_ids;

CREATE TABLE verve_accounts.users (
  id INTEGER PRIMARY KEY,
  -- As typed at sign-up; username_key is its lower case, so "Ada" and "ada" are one user.
  username VARCHAR(32) NOT NULL,
  username_key VARCHAR(32) NOT NULL UNIQUE,
  password_hash VARCHAR(300) NOT NULL,
  -- Comma-separated role names.
  roles VARCHAR(1000) NOT NULL DEFAULT '',
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
