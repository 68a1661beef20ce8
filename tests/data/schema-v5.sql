-- A kiosk database as schema version 5 shipped it: one waiting, one exported and one received
-- submission (each with its checksum), their export, the receipt that confirmed one, a row of a
-- quarantined database that receipt confirmed, and three reference codes given.
-- Used to test the step from version 5 to 6. Never edit: add a file for each new version.
PRAGMA application_id = 1128487243;
CREATE TABLE submission (
    id         TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'exported', 'received')),
    batch      TEXT,
    priority   INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
    sealed     BLOB NOT NULL
, checksum BLOB, received_at TEXT) STRICT;
CREATE INDEX submission_by_state ON submission (state, created_at);
CREATE TABLE export_batch (
    id          TEXT PRIMARY KEY NOT NULL,
    exported_at TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    count       INTEGER NOT NULL
) STRICT;
CREATE TABLE reference_used (
    code TEXT PRIMARY KEY NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE receipt (
        id          TEXT PRIMARY KEY NOT NULL,
        imported_at TEXT NOT NULL,
        named       INTEGER NOT NULL,
        marked      INTEGER NOT NULL
    ) STRICT;
CREATE TABLE quarantine_confirmed (
        id   TEXT PRIMARY KEY NOT NULL,
        hash BLOB NOT NULL
    ) STRICT;
INSERT INTO submission (id, created_at, state, priority, sealed, checksum)
VALUES ('6f1c2d4e-0000-4000-8000-000000000004', '2026-11-21T09:00:00Z', 'waiting', 0, x'44556677',
        x'4b2d94e724abc7006042ae3942b802ddffa92c1b9edc7ceccac07a4c00321460');
INSERT INTO submission (id, created_at, state, batch, priority, sealed, checksum)
VALUES ('6f1c2d4e-0000-4000-8000-000000000005', '2026-11-20T09:00:00Z', 'exported',
        '7a1c2d4e-0000-4000-8000-0000000000b1', 1, x'8899aabb',
        x'eb3c489ddbb2d5725e7f38f5962377047acce245733d571db6851fed482766ce');
INSERT INTO submission (id, created_at, state, batch, priority, sealed, checksum, received_at)
VALUES ('6f1c2d4e-0000-4000-8000-000000000006', '2026-11-19T09:00:00Z', 'received',
        '7a1c2d4e-0000-4000-8000-0000000000b1', 0, x'ccddeeff',
        x'1503ac024b1814f68e9089147a7dbe07e9b7b15781c52f6632a92a6b8b71b620', '2026-11-21T10:00:00Z');
INSERT INTO export_batch (id, exported_at, file_name, count)
VALUES ('7a1c2d4e-0000-4000-8000-0000000000b1', '2026-11-20T16:00:00Z', 'x.bundle', 2);
INSERT INTO receipt (id, imported_at, named, marked)
VALUES ('8b1c2d4e-0000-4000-8000-0000000000c1', '2026-11-21T10:00:00Z', 2, 1);
INSERT INTO quarantine_confirmed (id, hash)
VALUES ('6f1c2d4e-0000-4000-8000-000000000003',
        x'0000000000000000000000000000000000000000000000000000000000000003');
INSERT INTO reference_used (code) VALUES ('K7M-4TX'), ('H3R-9WC'), ('A4C-7DE');
PRAGMA user_version = 5;
