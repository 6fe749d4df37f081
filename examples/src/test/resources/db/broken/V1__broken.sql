-- A migration that cannot apply: the node must refuse to start.
CREATE TABLE todos (id INTEGER PRIMARY KEY);
CREATE TABLE todos (id INTEGER PRIMARY KEY);
