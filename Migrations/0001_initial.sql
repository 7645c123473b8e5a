-- 0001_initial: tables for the SCO Dushanbe 2008 dataset (FixtureDocument format 1).
--
-- Every table is STRICT (https://sqlite.org/stricttables.html). Foreign keys are DEFERRABLE
-- INITIALLY DEFERRED, so the seed may insert records in any order inside its one transaction and
-- they are checked at COMMIT (https://sqlite.org/foreignkeys.html#fk_deferred); that also allows
-- the cycles summit <-> declaration and region <-> capital. They are enforced only on connections
-- with PRAGMA foreign_keys=ON. A record's `sources` (quotes) and `notes` are JSON text columns;
-- the lists the API filters on (state roles, event actors and regions, statement subjects) are
-- join tables. Dates are split into value, precision, original phrase and note; the value is ISO
-- 8601 cut to its precision, so ordering by it is chronological. `schema_migrations` belongs to
-- the migrator and is not created here.

-- The fixture the database was seeded from: one row.
CREATE TABLE dataset (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    format_version INTEGER NOT NULL CHECK (format_version >= 1),
    checksum       TEXT NOT NULL CHECK (length(checksum) > 0),  -- e.g. hex SHA-256 of the fixture bytes
    seeded_at      TEXT NOT NULL                                -- ISO 8601 UTC
) STRICT;

CREATE TABLE sources (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    publisher    TEXT NOT NULL,
    agency       TEXT,
    published_on TEXT NOT NULL CHECK (published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    language     TEXT NOT NULL,
    note         TEXT,
    text         TEXT NOT NULL CHECK (length(text) > 0)
) STRICT;

CREATE TABLE states (
    code      TEXT PRIMARY KEY CHECK (code GLOB '[A-Z][A-Z]'),
    alpha3    TEXT NOT NULL UNIQUE CHECK (alpha3 GLOB '[A-Z][A-Z][A-Z]'),
    name      TEXT NOT NULL,
    is_former INTEGER NOT NULL CHECK (is_former IN (0, 1)),
    notes     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes) AND json_type(notes) = 'array'),
    note      TEXT,
    sources   TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0)
) STRICT;

-- A state's roles, in the order the fixture lists them.
CREATE TABLE state_roles (
    state_code TEXT NOT NULL REFERENCES states (code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    role       TEXT NOT NULL CHECK (role IN ('member', 'observer', 'attending-as-observer', 'party-to-conflict', 'other')),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (state_code, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX state_roles_by_role ON state_roles (role, state_code);

CREATE TABLE organizations (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    abbreviation      TEXT,
    kind              TEXT NOT NULL CHECK (kind IN ('intergovernmental-organization', 'military-alliance', 'political-union',
                          'government-body', 'think-tank', 'broadcaster', 'news-agency', 'informal-group')),
    founded_value     TEXT,
    founded_precision TEXT CHECK (founded_precision IN ('day', 'month', 'year', 'night')),
    founded_text      TEXT,
    founded_note      TEXT,
    purpose           TEXT,
    state_code        TEXT REFERENCES states (code) DEFERRABLE INITIALLY DEFERRED,
    notes             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes) AND json_type(notes) = 'array'),
    note              TEXT,
    sources           TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0),
    CHECK ((founded_value IS NULL) = (founded_precision IS NULL)),
    CHECK (founded_value IS NULL OR founded_precision IS NULL
        OR (founded_precision = 'year' AND founded_value GLOB '[0-9][0-9][0-9][0-9]')
        OR (founded_precision = 'month' AND founded_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]')
        OR (founded_precision IN ('day', 'night') AND founded_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
) STRICT;
CREATE INDEX organizations_by_state ON organizations (state_code) WHERE state_code IS NOT NULL;

CREATE TABLE people (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    name_in_source  TEXT,
    title           TEXT NOT NULL,
    state_code      TEXT REFERENCES states (code) DEFERRABLE INITIALLY DEFERRED,
    organization_id TEXT REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    notes           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes) AND json_type(notes) = 'array'),
    note            TEXT,
    sources         TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0)
) STRICT;
CREATE INDEX people_by_state ON people (state_code) WHERE state_code IS NOT NULL;
CREATE INDEX people_by_organization ON people (organization_id) WHERE organization_id IS NOT NULL;

CREATE TABLE regions (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('separatist-region', 'city', 'region', 'coast', 'geographic-region')),
    state_code TEXT REFERENCES states (code) DEFERRABLE INITIALLY DEFERRED,
    parent_id  TEXT REFERENCES regions (id) DEFERRABLE INITIALLY DEFERRED CHECK (parent_id IS NOT id),
    capital_id TEXT REFERENCES regions (id) DEFERRABLE INITIALLY DEFERRED CHECK (capital_id IS NOT id),
    notes      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes) AND json_type(notes) = 'array'),
    note       TEXT,
    sources    TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0)
) STRICT;
CREATE INDEX regions_by_state ON regions (state_code) WHERE state_code IS NOT NULL;
CREATE INDEX regions_by_parent ON regions (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE summits (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    organization_id TEXT NOT NULL REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    place           TEXT NOT NULL,
    place_id        TEXT REFERENCES regions (id) DEFERRABLE INITIALLY DEFERRED,
    country_code    TEXT REFERENCES states (code) DEFERRABLE INITIALLY DEFERRED,
    host_state_code TEXT REFERENCES states (code) DEFERRABLE INITIALLY DEFERRED,
    date_value      TEXT NOT NULL,
    date_precision  TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'night')),
    date_text       TEXT,
    date_note       TEXT,
    declaration_id  TEXT REFERENCES declarations (id) DEFERRABLE INITIALLY DEFERRED,
    notes           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes) AND json_type(notes) = 'array'),
    note            TEXT,
    sources         TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0),
    CHECK ((date_precision = 'year' AND date_value GLOB '[0-9][0-9][0-9][0-9]')
        OR (date_precision = 'month' AND date_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]')
        OR (date_precision IN ('day', 'night') AND date_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
) STRICT;

CREATE TABLE declarations (
    id                  TEXT PRIMARY KEY,
    title               TEXT NOT NULL,
    organization_id     TEXT NOT NULL REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    summit_id           TEXT NOT NULL REFERENCES summits (id) DEFERRABLE INITIALLY DEFERRED,
    adopted_on_value     TEXT NOT NULL,
    adopted_on_precision TEXT NOT NULL CHECK (adopted_on_precision IN ('day', 'month', 'year', 'night')),
    adopted_on_text      TEXT,
    adopted_on_note      TEXT,
    place               TEXT NOT NULL,
    endorsement         TEXT NOT NULL,
    summary             TEXT NOT NULL,
    notes               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes) AND json_type(notes) = 'array'),
    note                TEXT,
    sources             TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0),
    CHECK ((adopted_on_precision = 'year' AND adopted_on_value GLOB '[0-9][0-9][0-9][0-9]')
        OR (adopted_on_precision = 'month' AND adopted_on_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]')
        OR (adopted_on_precision IN ('day', 'night') AND adopted_on_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
) STRICT;

CREATE TABLE clauses (
    id             TEXT PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations (id) DEFERRABLE INITIALLY DEFERRED,
    position       INTEGER NOT NULL CHECK (position >= 1),
    text           TEXT NOT NULL CHECK (length(text) > 0),
    addresses      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(addresses) AND json_type(addresses) = 'array'),
    summary        TEXT NOT NULL,
    note           TEXT,
    sources        TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0),
    UNIQUE (declaration_id, position)
) STRICT;

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    date_value     TEXT NOT NULL,
    date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'night')),
    date_text      TEXT,
    date_note      TEXT,
    kind           TEXT NOT NULL CHECK (kind IN ('military', 'diplomatic', 'summit', 'declaration', 'recognition',
                       'ceasefire', 'founding', 'detention', 'release')),
    title          TEXT NOT NULL,
    summary        TEXT NOT NULL,
    note           TEXT,
    sources        TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0),
    CHECK ((date_precision = 'year' AND date_value GLOB '[0-9][0-9][0-9][0-9]')
        OR (date_precision = 'month' AND date_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]')
        OR (date_precision IN ('day', 'night') AND date_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
) STRICT;
-- The timeline's order and keyset cursor: (date_value, id); `from`/`to` are ranges on date_value.
CREATE INDEX events_by_date ON events (date_value, id);
CREATE INDEX events_by_kind ON events (kind, date_value, id);

-- An event's actors: exactly one of the three references is set; actor_id is whichever it is.
CREATE TABLE event_actors (
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position        INTEGER NOT NULL CHECK (position >= 0),
    state_code      TEXT REFERENCES states (code) DEFERRABLE INITIALLY DEFERRED,
    person_id       TEXT REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    organization_id TEXT REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    actor_id        TEXT NOT NULL GENERATED ALWAYS AS (coalesce(state_code, person_id, organization_id)) VIRTUAL,
    actor_kind      TEXT NOT NULL GENERATED ALWAYS AS (CASE WHEN state_code IS NOT NULL THEN 'state'
                        WHEN person_id IS NOT NULL THEN 'person' ELSE 'organization' END) VIRTUAL,
    PRIMARY KEY (event_id, position),
    CHECK ((state_code IS NOT NULL) + (person_id IS NOT NULL) + (organization_id IS NOT NULL) = 1)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX event_actors_unique ON event_actors (event_id, actor_id);
CREATE INDEX event_actors_by_actor ON event_actors (actor_id, event_id);

CREATE TABLE event_regions (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    region_id TEXT NOT NULL REFERENCES regions (id) DEFERRABLE INITIALLY DEFERRED,
    position  INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (event_id, region_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_regions_by_region ON event_regions (region_id, event_id);

-- A statement's speaker: exactly one of the four references is set; speaker_id is whichever it is.
CREATE TABLE statements (
    id                      TEXT PRIMARY KEY,
    speaker_state_code      TEXT REFERENCES states (code) DEFERRABLE INITIALLY DEFERRED,
    speaker_person_id       TEXT REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    speaker_organization_id TEXT REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    speaker_region_id       TEXT REFERENCES regions (id) DEFERRABLE INITIALLY DEFERRED,
    speaker_id              TEXT NOT NULL GENERATED ALWAYS AS
                                (coalesce(speaker_state_code, speaker_person_id, speaker_organization_id, speaker_region_id)) VIRTUAL,
    speaker_kind            TEXT NOT NULL GENERATED ALWAYS AS (CASE WHEN speaker_state_code IS NOT NULL THEN 'state'
                                WHEN speaker_person_id IS NOT NULL THEN 'person'
                                WHEN speaker_organization_id IS NOT NULL THEN 'organization' ELSE 'region' END) VIRTUAL,
    speaker_role            TEXT,
    date_value              TEXT NOT NULL,
    date_precision          TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'night')),
    date_text               TEXT,
    date_note               TEXT,
    place                   TEXT,
    region_id               TEXT REFERENCES regions (id) DEFERRABLE INITIALLY DEFERRED,
    venue_id                TEXT REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    reported_by_id          TEXT REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    kind                    TEXT NOT NULL CHECK (kind IN ('statement', 'claim', 'denial', 'appeal', 'accusation')),
    quote                   TEXT NOT NULL CHECK (length(quote) > 0),
    is_direct_quote         INTEGER NOT NULL CHECK (is_direct_quote IN (0, 1)),
    responds_to             TEXT REFERENCES statements (id) DEFERRABLE INITIALLY DEFERRED CHECK (responds_to IS NOT id),
    summary                 TEXT NOT NULL,
    note                    TEXT,
    sources                 TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0),
    CHECK ((speaker_state_code IS NOT NULL) + (speaker_person_id IS NOT NULL)
        + (speaker_organization_id IS NOT NULL) + (speaker_region_id IS NOT NULL) = 1),
    CHECK (kind <> 'denial' OR responds_to IS NOT NULL),
    CHECK ((date_precision = 'year' AND date_value GLOB '[0-9][0-9][0-9][0-9]')
        OR (date_precision = 'month' AND date_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]')
        OR (date_precision IN ('day', 'night') AND date_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
) STRICT;
CREATE INDEX statements_by_date ON statements (date_value, id);
CREATE INDEX statements_by_speaker ON statements (speaker_id, date_value, id);
CREATE INDEX statements_by_kind ON statements (kind, date_value, id);
CREATE INDEX statements_by_responds_to ON statements (responds_to) WHERE responds_to IS NOT NULL;

-- What a statement is about: ids of any kind of record, so no foreign key.
CREATE TABLE statement_subjects (
    statement_id TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    subject_id   TEXT NOT NULL,
    position     INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (statement_id, subject_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX statement_subjects_by_subject ON statement_subjects (subject_id, statement_id);

-- Full-text search over clauses, statements and events (https://sqlite.org/fts5.html), kept in step
-- by the triggers below. kind is 'clause', 'statement' or 'event'; record_id is that record's id.
CREATE VIRTUAL TABLE search USING fts5 (
    kind UNINDEXED,
    record_id UNINDEXED,
    title,
    body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER clauses_search_insert AFTER INSERT ON clauses BEGIN
    INSERT INTO search (kind, record_id, title, body) VALUES ('clause', new.id, new.summary, new.text);
END;
CREATE TRIGGER clauses_search_update AFTER UPDATE ON clauses BEGIN
    DELETE FROM search WHERE kind = 'clause' AND record_id = old.id;
    INSERT INTO search (kind, record_id, title, body) VALUES ('clause', new.id, new.summary, new.text);
END;
CREATE TRIGGER clauses_search_delete AFTER DELETE ON clauses BEGIN
    DELETE FROM search WHERE kind = 'clause' AND record_id = old.id;
END;

CREATE TRIGGER statements_search_insert AFTER INSERT ON statements BEGIN
    INSERT INTO search (kind, record_id, title, body) VALUES ('statement', new.id, new.summary, new.quote);
END;
CREATE TRIGGER statements_search_update AFTER UPDATE ON statements BEGIN
    DELETE FROM search WHERE kind = 'statement' AND record_id = old.id;
    INSERT INTO search (kind, record_id, title, body) VALUES ('statement', new.id, new.summary, new.quote);
END;
CREATE TRIGGER statements_search_delete AFTER DELETE ON statements BEGIN
    DELETE FROM search WHERE kind = 'statement' AND record_id = old.id;
END;

CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
    INSERT INTO search (kind, record_id, title, body) VALUES ('event', new.id, new.title, new.summary);
END;
CREATE TRIGGER events_search_update AFTER UPDATE ON events BEGIN
    DELETE FROM search WHERE kind = 'event' AND record_id = old.id;
    INSERT INTO search (kind, record_id, title, body) VALUES ('event', new.id, new.title, new.summary);
END;
CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN
    DELETE FROM search WHERE kind = 'event' AND record_id = old.id;
END;
