-- A kiosk database as schema version 2 shipped it, with one waiting and one exported submission.
-- Used to test the step from version 2 to 3. Never edit: add a file for each new version.
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
CREATE TABLE export_batch (
    id          TEXT PRIMARY KEY NOT NULL,
    exported_at TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    count       INTEGER NOT NULL
) STRICT;
INSERT INTO submission (id, created_at, state, priority, sealed)
VALUES ('6f1c2d4e-0000-4000-8000-000000000002', '2026-11-21T09:00:00Z', 'waiting', 0, x'44556677');
INSERT INTO submission (id, created_at, state, batch, priority, sealed)
VALUES ('6f1c2d4e-0000-4000-8000-000000000003', '2026-11-20T09:00:00Z', 'exported', 'b1', 1, x'8899');
INSERT INTO export_batch (id, exported_at, file_name, count) VALUES ('b1', '2026-11-20T16:00:00Z', 'x.bundle.json', 1);
PRAGMA user_version = 2;
