-- 0002_ordinals_edits_search_rows: what seeding, export and the write API need beyond 0001.
--
-- 1. `ordinal`: a record's index in the fixture it was seeded from, so that export lists records
--    in the fixture's own order and seed-then-export gives back an equal document. Records added
--    later (the write API) leave it NULL; export lists them after the seeded ones, in insertion
--    order. Clauses need none: their `position` is their order.
-- 2. `dataset.edits`: how many rows of the dataset tables were inserted, updated or deleted since
--    the last seed, kept by the triggers below. The seed writes its rows and then resets it to 0
--    in the same transaction, so a non-zero count means the data was edited after seeding.
--    Triggers fire once per row (https://sqlite.org/lang_createtrigger.html), so a count of rows
--    changed, not of requests. With no `dataset` row (never seeded) nothing is counted.
-- 3. `search_rows`: the FTS5 rowid of each searchable record. 0001's triggers found a record's
--    search row by the UNINDEXED columns kind and record_id, which FTS5 can only scan
--    (https://sqlite.org/fts5.html#the_unindexed_column_option): every update or delete read the
--    whole index. Here the row is found by rowid, an O(log n) lookup. `search_rows.id` is an
--    INTEGER PRIMARY KEY, so VACUUM keeps it (https://sqlite.org/lang_vacuum.html).
-- 4. `events_by_title`: the timeline's `sort=title`.

ALTER TABLE sources ADD COLUMN ordinal INTEGER CHECK (ordinal >= 0);
ALTER TABLE organizations ADD COLUMN ordinal INTEGER CHECK (ordinal >= 0);
ALTER TABLE states ADD COLUMN ordinal INTEGER CHECK (ordinal >= 0);
ALTER TABLE people ADD COLUMN ordinal INTEGER CHECK (ordinal >= 0);
ALTER TABLE regions ADD COLUMN ordinal INTEGER CHECK (ordinal >= 0);
ALTER TABLE events ADD COLUMN ordinal INTEGER CHECK (ordinal >= 0);
ALTER TABLE statements ADD COLUMN ordinal INTEGER CHECK (ordinal >= 0);

ALTER TABLE dataset ADD COLUMN edits INTEGER NOT NULL DEFAULT 0 CHECK (edits >= 0);

CREATE INDEX events_by_title ON events (title, id);

CREATE TABLE search_rows (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('clause', 'statement', 'event')),
    record_id TEXT NOT NULL,
    UNIQUE (kind, record_id)
) STRICT;

DROP TRIGGER clauses_search_insert;
DROP TRIGGER clauses_search_update;
DROP TRIGGER clauses_search_delete;
DROP TRIGGER statements_search_insert;
DROP TRIGGER statements_search_update;
DROP TRIGGER statements_search_delete;
DROP TRIGGER events_search_insert;
DROP TRIGGER events_search_update;
DROP TRIGGER events_search_delete;

-- Rebuild the index with rowids from search_rows.
DELETE FROM search;
INSERT INTO search_rows (kind, record_id) SELECT 'clause', id FROM clauses ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'clause', t.id, t.summary, t.text FROM clauses t JOIN search_rows r ON r.kind = 'clause' AND r.record_id = t.id;
INSERT INTO search_rows (kind, record_id) SELECT 'statement', id FROM statements ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'statement', t.id, t.summary, t.quote FROM statements t JOIN search_rows r ON r.kind = 'statement' AND r.record_id = t.id;
INSERT INTO search_rows (kind, record_id) SELECT 'event', id FROM events ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'event', t.id, t.title, t.summary FROM events t JOIN search_rows r ON r.kind = 'event' AND r.record_id = t.id;

CREATE TRIGGER clauses_search_insert AFTER INSERT ON clauses BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('clause', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'clause' AND record_id = new.id), 'clause', new.id, new.summary, new.text);
END;
CREATE TRIGGER clauses_search_update AFTER UPDATE OF id, summary, text ON clauses BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'clause' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'clause' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'clause' AND record_id = new.id), 'clause', new.id, new.summary, new.text);
END;
CREATE TRIGGER clauses_search_delete AFTER DELETE ON clauses BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'clause' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'clause' AND record_id = old.id;
END;

CREATE TRIGGER statements_search_insert AFTER INSERT ON statements BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('statement', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'statement' AND record_id = new.id), 'statement', new.id, new.summary, new.quote);
END;
CREATE TRIGGER statements_search_update AFTER UPDATE OF id, summary, quote ON statements BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'statement' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'statement' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'statement' AND record_id = new.id), 'statement', new.id, new.summary, new.quote);
END;
CREATE TRIGGER statements_search_delete AFTER DELETE ON statements BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'statement' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'statement' AND record_id = old.id;
END;

CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('event', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'event' AND record_id = new.id), 'event', new.id, new.title, new.summary);
END;
CREATE TRIGGER events_search_update AFTER UPDATE OF id, title, summary ON events BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'event' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'event' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'event' AND record_id = new.id), 'event', new.id, new.title, new.summary);
END;
CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'event' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'event' AND record_id = old.id;
END;

-- Edits since the last seed: one count per row inserted, updated or deleted.
CREATE TRIGGER sources_edits_insert AFTER INSERT ON sources BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER sources_edits_update AFTER UPDATE ON sources BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER sources_edits_delete AFTER DELETE ON sources BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER organizations_edits_insert AFTER INSERT ON organizations BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER organizations_edits_update AFTER UPDATE ON organizations BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER organizations_edits_delete AFTER DELETE ON organizations BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER states_edits_insert AFTER INSERT ON states BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER states_edits_update AFTER UPDATE ON states BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER states_edits_delete AFTER DELETE ON states BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER state_roles_edits_insert AFTER INSERT ON state_roles BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER state_roles_edits_update AFTER UPDATE ON state_roles BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER state_roles_edits_delete AFTER DELETE ON state_roles BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER people_edits_insert AFTER INSERT ON people BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER people_edits_update AFTER UPDATE ON people BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER people_edits_delete AFTER DELETE ON people BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER regions_edits_insert AFTER INSERT ON regions BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER regions_edits_update AFTER UPDATE ON regions BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER regions_edits_delete AFTER DELETE ON regions BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER summits_edits_insert AFTER INSERT ON summits BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER summits_edits_update AFTER UPDATE ON summits BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER summits_edits_delete AFTER DELETE ON summits BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER declarations_edits_insert AFTER INSERT ON declarations BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER declarations_edits_update AFTER UPDATE ON declarations BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER declarations_edits_delete AFTER DELETE ON declarations BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER clauses_edits_insert AFTER INSERT ON clauses BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER clauses_edits_update AFTER UPDATE ON clauses BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER clauses_edits_delete AFTER DELETE ON clauses BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER events_edits_insert AFTER INSERT ON events BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER events_edits_update AFTER UPDATE ON events BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER events_edits_delete AFTER DELETE ON events BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER event_actors_edits_insert AFTER INSERT ON event_actors BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER event_actors_edits_update AFTER UPDATE ON event_actors BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER event_actors_edits_delete AFTER DELETE ON event_actors BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER event_regions_edits_insert AFTER INSERT ON event_regions BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER event_regions_edits_update AFTER UPDATE ON event_regions BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER event_regions_edits_delete AFTER DELETE ON event_regions BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER statements_edits_insert AFTER INSERT ON statements BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER statements_edits_update AFTER UPDATE ON statements BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER statements_edits_delete AFTER DELETE ON statements BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER statement_subjects_edits_insert AFTER INSERT ON statement_subjects BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER statement_subjects_edits_update AFTER UPDATE ON statement_subjects BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER statement_subjects_edits_delete AFTER DELETE ON statement_subjects BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
