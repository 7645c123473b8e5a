-- 0003_changes: the write API's audit log, which is also the feed `GET /v1/changes` serves.
--
-- Every write through the API commits its row here in the same transaction as the edit itself
-- (SCOData `DatasetWriter`): who (the token's name, never the secret), when (ISO 8601 UTC,
-- milliseconds), what (`create`, `replace` for PUT, `update` for PATCH, `delete`), which record
-- (`kind`, `record_id`) and the record's API representation before and after (JSON text, NULL
-- where there is none). `seq` is AUTOINCREMENT so that a number is never handed out twice, even
-- if rows were removed (https://sqlite.org/autoinc.html): clients sync with `since=<last seq>`.
--
-- Seeding keeps this log and appends a `seed` entry (kind `dataset`) through the trigger below:
-- a seed replaces the whole dataset without a row per record, so a syncing client that reads a
-- `seed` entry must re-read everything. The trigger fires on the seed's INSERT OR REPLACE of the
-- `dataset` row (REPLACE fires INSERT triggers: https://sqlite.org/lang_conflict.html); a seed
-- that changes nothing writes no `dataset` row and so no entry. A database seeded before this
-- migration gets one entry now, for the seed it already holds.

CREATE TABLE changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    token_name TEXT CHECK (token_name IS NULL OR length(token_name) > 0),
    operation  TEXT NOT NULL CHECK (operation IN ('create', 'replace', 'update', 'delete', 'seed')),
    kind       TEXT NOT NULL CHECK (kind IN ('event', 'statement', 'clause', 'source', 'dataset')),
    record_id  TEXT NOT NULL CHECK (length(record_id) > 0),
    before     TEXT CHECK (before IS NULL OR json_valid(before)),
    after      TEXT CHECK (after IS NULL OR json_valid(after)),
    CHECK ((operation = 'seed') = (kind = 'dataset')),
    CHECK ((operation = 'seed') = (token_name IS NULL)),
    CHECK ((before IS NULL) = (operation IN ('create', 'seed'))),
    CHECK ((after IS NULL) = (operation = 'delete'))
) STRICT;
-- A record's history, newest last: DELETE of a record already deleted is answered from here.
CREATE INDEX changes_by_record ON changes (kind, record_id, seq);

CREATE TRIGGER dataset_seeded AFTER INSERT ON dataset BEGIN
    INSERT INTO changes (at, token_name, operation, kind, record_id, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, 'seed', 'dataset', 'dataset', NULL,
            json_object('checksum', new.checksum, 'seededAt', new.seeded_at, 'formatVersion', new.format_version));
END;

INSERT INTO changes (at, token_name, operation, kind, record_id, before, after)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, 'seed', 'dataset', 'dataset', NULL,
           json_object('checksum', checksum, 'seededAt', seeded_at, 'formatVersion', format_version)
    FROM dataset WHERE id = 1;
