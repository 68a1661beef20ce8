-- A kiosk database as schema version 1 shipped it, with one waiting submission.
-- Used to test the step from version 1 to 2. Never edit: add a file for each new version.
PRAGMA application_id = 1128487243;
CREATE TABLE submission (
    id         TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'exported', 'received')),
    batch      TEXT,
    priority   INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
    sealed     BLOB NOT NULL
) STRICT;
CREATE INDEX submission_by_state ON submission (state, created_at);
INSERT INTO submission (id, created_at, state, priority, sealed)
VALUES ('6f1c2d4e-0000-4000-8000-000000000001', '2026-11-20T09:00:00Z', 'waiting', 1, x'00112233');
PRAGMA user_version = 1;
