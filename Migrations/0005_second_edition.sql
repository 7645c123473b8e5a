-- 0005_second_edition: the data model's second edition (the fixture's format 2). Every date
-- gains the days it may fall on and whether the report states it; a statement answers any
-- number of statements, read from both ends; the change log records the migration.
--
-- 1. Dates. A date keeps its value, precision, phrase and note, and gains `<prefix>_earliest` and
-- `<prefix>_latest` (ISO days, inclusive) and `<prefix>_basis` ('stated' when the report names
-- the date, 'inferred' when it was worked out; the note says how). The timeline and statements
-- now sort by `date_earliest` and filter `from`/`to` on the overlap of the bounds, so an event
-- dated only "this month" after the night of Aug. 7 sorts and filters at Aug. 7..28, not at
-- Aug. 1 (SCOData `DateBounds`).
--
-- Existing rows get the whole period of their value (a year's Jan. 1..Dec. 31, a month's first
-- to last day, a night's day and the next), and the basis 'stated' where the phrase is kept and
-- 'inferred' where it is not, as `HistoricalDate` derives them for a format-1 fixture. Then the
-- bundled fixture's own corrections (its format 2) are applied to the records that still hold
-- the first edition's date unchanged, matched by id, value, precision and note, so that a
-- record edited through the write API keeps what its editor wrote. None of this counts as an
-- edit: `dataset.edits` is restored afterwards, since the triggers of 0002 count every row.
--
-- Every writer of ours (SCOData `RecordRow`) fills the new columns; a row inserted without them
-- (SQL by hand, an older tool) gets them derived by the `*_date_bounds` triggers below, as the
-- backfill derives them, so they are NULL only for a date that is absent (an organization's
-- `founded`). The CHECKs keep them days, in order, at most a year apart (`DateBounds`). A
-- writer that changes a date's value writes its bounds too. Indexes and the timeline's filter
-- tables (0004) are rebuilt on `date_earliest`; their insert trigger skips an event inserted
-- without bounds, whose filling UPDATE then builds its rows.
--
-- 2. Responses. `statement_responses` holds every statement a statement answers, in order (Azimov
-- denies all three of Tkeshelashvili's charges, where `responds_to` could name one), indexed
-- from the answered end too, for `respondedBy`, `respondsTo=` and `disputed=`. `responds_to`
-- stays, holding the first of them: SQLite cannot drop a column that is a foreign key, and
-- 0001's CHECK that a denial answers something reads it. Existing links are copied; the
-- bundled denial that answered the first charge alone now answers all three, unless edited.
--
-- 2b. Same acts, one record. `event_links` holds, for an event, the records that are the same
-- act: the summit and the declaration as their own records, the peace deal and the six
-- principles as one another. The summit and the declaration list their events from it (indexed
-- from the linked end). The bundled links are added where both records are there.
--
-- 3. Parties with parts. An event's parties (event_actors) gain a `role` from a closed
-- vocabulary (actor, target, claimant, denier, critic, mediator, venue, subject, host,
-- attendee, observer, recipient, speaker), whether the part is `inferred`, and regions as parties
-- (South Ossetia claimed the spy plane). `actor_timeline` holds each party's role, for `role=`.
--
-- 4. One answer per question. A state's role `observer` now means what `/v1/observers` lists,
-- the five states the report says attended as observers (it was `attending-as-observer`), and
-- `observer-status` is Iran's status, which the report states of Iran alone (it was
-- `observer`): `/v1/states?role=observer` and `/v1/observers` agree. state_roles is rebuilt
-- for its CHECK. Anvar Azimov is Russia's ambassador to the OSCE, not OSCE staff: his
-- organization is cleared and a note says why, and the unnamed "senior Georgian official"'s
-- first statement says that naming her is an inference; each only where the first edition's
-- values are still there.
--
-- 5. Quote positions. Every quote stores where it stands in its source's text, as `start` and
-- `end` in code points (a W3C TextPositionSelector), so that a short quote that occurs more
-- than once points at the occurrence meant.
--
-- 6. Every fact findable. `quantities` holds the numbers the report gives, structured (value,
-- unit, whether approximate, the report's words, what they are about, the quote). Search
-- covers every record that has prose: quantities, states, organizations,
-- people, regions, the summit and the declaration join clauses, statements and events, and
-- every record's notes are searched with it, so "Tibet", "air base" and "Karzai" are found.
--
-- 7. The change log (0003) learns the operation `migrate` (kind `dataset`, no token, no before),
-- and a database that holds a seed gets one entry for this migration, whose `after` names it
-- and counts the dates it narrowed: a syncing client reads it as it reads a seed, and re-reads.

-- The edit count before this migration, restored at its end (0002's triggers count every row).
CREATE TEMP TABLE migration_0005_edits AS SELECT id, edits FROM dataset;

ALTER TABLE organizations ADD COLUMN founded_earliest TEXT CHECK (founded_earliest IS NULL OR founded_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE organizations ADD COLUMN founded_latest TEXT CHECK (founded_latest IS NULL OR (founded_latest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND founded_latest >= founded_earliest AND julianday(founded_latest) - julianday(founded_earliest) <= 365));
ALTER TABLE organizations ADD COLUMN founded_basis TEXT CHECK (founded_basis IS NULL OR founded_basis IN ('stated', 'inferred'));
ALTER TABLE summits ADD COLUMN date_earliest TEXT CHECK (date_earliest IS NULL OR date_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE summits ADD COLUMN date_latest TEXT CHECK (date_latest IS NULL OR (date_latest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date_latest >= date_earliest AND julianday(date_latest) - julianday(date_earliest) <= 365));
ALTER TABLE summits ADD COLUMN date_basis TEXT CHECK (date_basis IS NULL OR date_basis IN ('stated', 'inferred'));
ALTER TABLE declarations ADD COLUMN adopted_on_earliest TEXT CHECK (adopted_on_earliest IS NULL OR adopted_on_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE declarations ADD COLUMN adopted_on_latest TEXT CHECK (adopted_on_latest IS NULL OR (adopted_on_latest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND adopted_on_latest >= adopted_on_earliest AND julianday(adopted_on_latest) - julianday(adopted_on_earliest) <= 365));
ALTER TABLE declarations ADD COLUMN adopted_on_basis TEXT CHECK (adopted_on_basis IS NULL OR adopted_on_basis IN ('stated', 'inferred'));
ALTER TABLE events ADD COLUMN date_earliest TEXT CHECK (date_earliest IS NULL OR date_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE events ADD COLUMN date_latest TEXT CHECK (date_latest IS NULL OR (date_latest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date_latest >= date_earliest AND julianday(date_latest) - julianday(date_earliest) <= 365));
ALTER TABLE events ADD COLUMN date_basis TEXT CHECK (date_basis IS NULL OR date_basis IN ('stated', 'inferred'));
ALTER TABLE statements ADD COLUMN date_earliest TEXT CHECK (date_earliest IS NULL OR date_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE statements ADD COLUMN date_latest TEXT CHECK (date_latest IS NULL OR (date_latest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date_latest >= date_earliest AND julianday(date_latest) - julianday(date_earliest) <= 365));
ALTER TABLE statements ADD COLUMN date_basis TEXT CHECK (date_basis IS NULL OR date_basis IN ('stated', 'inferred'));

-- The whole period of each value, and the basis from the phrase.
UPDATE organizations SET
    founded_earliest = CASE founded_precision WHEN 'year' THEN founded_value || '-01-01' WHEN 'month' THEN founded_value || '-01' ELSE founded_value END,
    founded_latest = CASE founded_precision WHEN 'year' THEN founded_value || '-12-31'
        WHEN 'month' THEN date(founded_value || '-01', '+1 month', '-1 day') WHEN 'night' THEN date(founded_value, '+1 day') ELSE founded_value END,
    founded_basis = CASE WHEN founded_text IS NULL THEN 'inferred' ELSE 'stated' END
    WHERE founded_value IS NOT NULL;
UPDATE summits SET
    date_earliest = CASE date_precision WHEN 'year' THEN date_value || '-01-01' WHEN 'month' THEN date_value || '-01' ELSE date_value END,
    date_latest = CASE date_precision WHEN 'year' THEN date_value || '-12-31'
        WHEN 'month' THEN date(date_value || '-01', '+1 month', '-1 day') WHEN 'night' THEN date(date_value, '+1 day') ELSE date_value END,
    date_basis = CASE WHEN date_text IS NULL THEN 'inferred' ELSE 'stated' END;
UPDATE declarations SET
    adopted_on_earliest = CASE adopted_on_precision WHEN 'year' THEN adopted_on_value || '-01-01' WHEN 'month' THEN adopted_on_value || '-01' ELSE adopted_on_value END,
    adopted_on_latest = CASE adopted_on_precision WHEN 'year' THEN adopted_on_value || '-12-31'
        WHEN 'month' THEN date(adopted_on_value || '-01', '+1 month', '-1 day') WHEN 'night' THEN date(adopted_on_value, '+1 day') ELSE adopted_on_value END,
    adopted_on_basis = CASE WHEN adopted_on_text IS NULL THEN 'inferred' ELSE 'stated' END;
UPDATE events SET
    date_earliest = CASE date_precision WHEN 'year' THEN date_value || '-01-01' WHEN 'month' THEN date_value || '-01' ELSE date_value END,
    date_latest = CASE date_precision WHEN 'year' THEN date_value || '-12-31'
        WHEN 'month' THEN date(date_value || '-01', '+1 month', '-1 day') WHEN 'night' THEN date(date_value, '+1 day') ELSE date_value END,
    date_basis = CASE WHEN date_text IS NULL THEN 'inferred' ELSE 'stated' END;
UPDATE statements SET
    date_earliest = CASE date_precision WHEN 'year' THEN date_value || '-01-01' WHEN 'month' THEN date_value || '-01' ELSE date_value END,
    date_latest = CASE date_precision WHEN 'year' THEN date_value || '-12-31'
        WHEN 'month' THEN date(date_value || '-01', '+1 month', '-1 day') WHEN 'night' THEN date(date_value, '+1 day') ELSE date_value END,
    date_basis = CASE WHEN date_text IS NULL THEN 'inferred' ELSE 'stated' END;

-- The fixture's format-2 corrections, where the first edition's date is still there unchanged.
-- Each bound comes from the report: the war began on the night of Aug. 7 and the report is of
-- Thursday, Aug. 28; Russia's recognition was on Tuesday, Aug. 26.
CREATE TEMP TABLE migration_0005_bounds (tbl TEXT, id TEXT, value TEXT, precision TEXT, old_note TEXT, earliest TEXT, latest TEXT, note TEXT);
INSERT INTO migration_0005_bounds VALUES
    ('events', 'russian-tanks-roll-into-south-ossetia', '2008-08', 'month',
     'The article gives no day: this happened "in response" to the offensive of the night of Aug. 7, during the fighting "this month" (August 2008).',
     '2008-08-07', '2008-08-28',
     'The article gives no day: this happened "in response" to the offensive of the night of Aug. 7, during the fighting "this month", so between Aug. 7 and the report of 2008-08-28.'),
    ('events', 'spy-plane-claimed-shot-down', '2008-08', 'month',
     'The article gives no date; it reports the claim as "fresh conflict" in its report of 2008-08-28.',
     '2008-08-07', '2008-08-28',
     'The article gives no date; it reports the claim as "fresh conflict" of the war that began on the night of Aug. 7, in its report of 2008-08-28.'),
    ('events', 'us-warships-visit-georgia', '2008-08', 'month',
     'The article gives no date; it mentions the visit in its report of 2008-08-28.',
     '2008-08-07', '2008-08-28',
     'The article gives no date; it names the visit beside the "continuing Western protests" at the conflict that began on the night of Aug. 7, in its report of 2008-08-28.'),
    ('statements', 'medvedev-appeals-for-support', '2008-08', 'month',
     'The article gives no date ("had appealed"): before the declaration of 2008-08-28.',
     '2008-08-07', '2008-08-28',
     'The article gives no date ("had appealed"): for support of Moscow''s response to the offensive of the night of Aug. 7, before the declaration of 2008-08-28.'),
    ('statements', 'west-criticizes-disproportionate-force', '2008-08', 'month',
     'The article gives no day ("has already criticized"): the fighting "this month" is August 2008.',
     '2008-08-07', '2008-08-28',
     'The article gives no day ("has already criticized"): the fighting "this month" began on the night of Aug. 7, and the report is of 2008-08-28.'),
    ('statements', 'south-ossetia-claims-spy-plane-downed', '2008-08', 'month',
     'The article gives no date; it reports the claim as "fresh conflict" in its report of 2008-08-28.',
     '2008-08-07', '2008-08-28',
     'The article gives no date; it reports the claim as "fresh conflict" of the war that began on the night of Aug. 7, in its report of 2008-08-28.'),
    ('statements', 'georgia-denies-spy-plane-downed', '2008-08', 'month',
     'The article gives no date; it reports the denial in its report of 2008-08-28.',
     '2008-08-07', '2008-08-28',
     'The article gives no date; it reports the denial of a claim of "fresh conflict" of the war that began on the night of Aug. 7, in its report of 2008-08-28.'),
    ('statements', 'malashenko-surprised', '2008-08', 'month',
     'The article gives no date; it comes after Russia''s recognition of 2008-08-26, which it refers to.',
     '2008-08-26', '2008-08-28',
     'The article gives no date; it comes after Russia''s recognition of 2008-08-26, which it refers to, and before the report of 2008-08-28.'),
    ('statements', 'malashenko-not-so-alone-in-1968', '2008-08', 'month',
     'The article gives no date; it comes after Russia''s recognition of 2008-08-26.',
     '2008-08-26', '2008-08-28',
     'The article gives no date; it comes after Russia''s recognition of 2008-08-26 and before the report of 2008-08-28.');
UPDATE events SET date_earliest = b.earliest, date_latest = b.latest, date_basis = 'inferred', date_note = b.note
    FROM migration_0005_bounds b
    WHERE b.tbl = 'events' AND events.id = b.id AND events.date_value = b.value AND events.date_precision = b.precision
        AND events.date_note IS b.old_note;
UPDATE statements SET date_earliest = b.earliest, date_latest = b.latest, date_basis = 'inferred', date_note = b.note
    FROM migration_0005_bounds b
    WHERE b.tbl = 'statements' AND statements.id = b.id AND statements.date_value = b.value AND statements.date_precision = b.precision
        AND statements.date_note IS b.old_note;
DROP TABLE migration_0005_bounds;


-- Bounds for rows inserted without them: the whole period of the value, as the backfill above.
CREATE TRIGGER organizations_date_bounds AFTER INSERT ON organizations
    WHEN new.founded_earliest IS NULL AND new.founded_value IS NOT NULL BEGIN
    UPDATE organizations SET
        founded_earliest = CASE new.founded_precision WHEN 'year' THEN new.founded_value || '-01-01' WHEN 'month' THEN new.founded_value || '-01' ELSE new.founded_value END,
        founded_latest = coalesce(new.founded_latest, CASE new.founded_precision WHEN 'year' THEN new.founded_value || '-12-31'
            WHEN 'month' THEN date(new.founded_value || '-01', '+1 month', '-1 day') WHEN 'night' THEN date(new.founded_value, '+1 day') ELSE new.founded_value END),
        founded_basis = coalesce(new.founded_basis, CASE WHEN new.founded_text IS NULL THEN 'inferred' ELSE 'stated' END)
        WHERE rowid = new.rowid;
END;
CREATE TRIGGER summits_date_bounds AFTER INSERT ON summits
    WHEN new.date_earliest IS NULL AND new.date_value IS NOT NULL BEGIN
    UPDATE summits SET
        date_earliest = CASE new.date_precision WHEN 'year' THEN new.date_value || '-01-01' WHEN 'month' THEN new.date_value || '-01' ELSE new.date_value END,
        date_latest = coalesce(new.date_latest, CASE new.date_precision WHEN 'year' THEN new.date_value || '-12-31'
            WHEN 'month' THEN date(new.date_value || '-01', '+1 month', '-1 day') WHEN 'night' THEN date(new.date_value, '+1 day') ELSE new.date_value END),
        date_basis = coalesce(new.date_basis, CASE WHEN new.date_text IS NULL THEN 'inferred' ELSE 'stated' END)
        WHERE rowid = new.rowid;
END;
CREATE TRIGGER declarations_date_bounds AFTER INSERT ON declarations
    WHEN new.adopted_on_earliest IS NULL AND new.adopted_on_value IS NOT NULL BEGIN
    UPDATE declarations SET
        adopted_on_earliest = CASE new.adopted_on_precision WHEN 'year' THEN new.adopted_on_value || '-01-01' WHEN 'month' THEN new.adopted_on_value || '-01' ELSE new.adopted_on_value END,
        adopted_on_latest = coalesce(new.adopted_on_latest, CASE new.adopted_on_precision WHEN 'year' THEN new.adopted_on_value || '-12-31'
            WHEN 'month' THEN date(new.adopted_on_value || '-01', '+1 month', '-1 day') WHEN 'night' THEN date(new.adopted_on_value, '+1 day') ELSE new.adopted_on_value END),
        adopted_on_basis = coalesce(new.adopted_on_basis, CASE WHEN new.adopted_on_text IS NULL THEN 'inferred' ELSE 'stated' END)
        WHERE rowid = new.rowid;
END;
CREATE TRIGGER events_date_bounds AFTER INSERT ON events
    WHEN new.date_earliest IS NULL AND new.date_value IS NOT NULL BEGIN
    UPDATE events SET
        date_earliest = CASE new.date_precision WHEN 'year' THEN new.date_value || '-01-01' WHEN 'month' THEN new.date_value || '-01' ELSE new.date_value END,
        date_latest = coalesce(new.date_latest, CASE new.date_precision WHEN 'year' THEN new.date_value || '-12-31'
            WHEN 'month' THEN date(new.date_value || '-01', '+1 month', '-1 day') WHEN 'night' THEN date(new.date_value, '+1 day') ELSE new.date_value END),
        date_basis = coalesce(new.date_basis, CASE WHEN new.date_text IS NULL THEN 'inferred' ELSE 'stated' END)
        WHERE rowid = new.rowid;
END;
CREATE TRIGGER statements_date_bounds AFTER INSERT ON statements
    WHEN new.date_earliest IS NULL AND new.date_value IS NOT NULL BEGIN
    UPDATE statements SET
        date_earliest = CASE new.date_precision WHEN 'year' THEN new.date_value || '-01-01' WHEN 'month' THEN new.date_value || '-01' ELSE new.date_value END,
        date_latest = coalesce(new.date_latest, CASE new.date_precision WHEN 'year' THEN new.date_value || '-12-31'
            WHEN 'month' THEN date(new.date_value || '-01', '+1 month', '-1 day') WHEN 'night' THEN date(new.date_value, '+1 day') ELSE new.date_value END),
        date_basis = coalesce(new.date_basis, CASE WHEN new.date_text IS NULL THEN 'inferred' ELSE 'stated' END)
        WHERE rowid = new.rowid;
END;

-- Lists sort by (date_earliest, id); the filters' indexes follow.
DROP INDEX events_by_date;
DROP INDEX events_by_kind;
CREATE INDEX events_by_date ON events (date_earliest, id);
CREATE INDEX events_by_kind ON events (kind, date_earliest, id);
DROP INDEX statements_by_date;
DROP INDEX statements_by_speaker;
DROP INDEX statements_by_kind;
CREATE INDEX statements_by_date ON statements (date_earliest, id);
CREATE INDEX statements_by_speaker ON statements (speaker_id, date_earliest, id);
CREATE INDEX statements_by_kind ON statements (kind, date_earliest, id);

-- 0004's filter tables, keyed by the new sort key and holding `date_latest` for `from`.
DROP TRIGGER events_timeline_insert;
DROP TRIGGER events_timeline_update;
DROP TRIGGER events_timeline_delete;
DROP TRIGGER event_actors_timeline_insert;
DROP TRIGGER event_actors_timeline_update;
DROP TRIGGER event_actors_timeline_delete;
DROP TRIGGER event_regions_timeline_insert;
DROP TRIGGER event_regions_timeline_update;
DROP TRIGGER event_regions_timeline_delete;
DROP TABLE actor_timeline;
DROP TABLE region_timeline;

-- Participants: event_actors rebuilt with a region column (South Ossetia claimed the spy
-- plane; Georgia attacked it), each party's `role` and whether it is `inferred`. Existing rows
-- take the role `actor`; a bundled event whose parties are still the first edition's takes the
-- second edition's parties and parts.
CREATE TABLE event_actors_0005 (
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position        INTEGER NOT NULL CHECK (position >= 0),
    state_code      TEXT REFERENCES states (code) DEFERRABLE INITIALLY DEFERRED,
    person_id       TEXT REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
    organization_id TEXT REFERENCES organizations (id) DEFERRABLE INITIALLY DEFERRED,
    region_id       TEXT REFERENCES regions (id) DEFERRABLE INITIALLY DEFERRED,
    role            TEXT NOT NULL DEFAULT 'actor' CHECK (role IN ('actor', 'target', 'claimant', 'denier', 'critic', 'mediator', 'venue', 'subject', 'host', 'attendee', 'observer', 'recipient', 'speaker')),
    inferred        INTEGER NOT NULL DEFAULT 0 CHECK (inferred IN (0, 1)),
    actor_id        TEXT NOT NULL GENERATED ALWAYS AS (coalesce(state_code, person_id, organization_id, region_id)) VIRTUAL,
    actor_kind      TEXT NOT NULL GENERATED ALWAYS AS (CASE WHEN state_code IS NOT NULL THEN 'state'
                        WHEN person_id IS NOT NULL THEN 'person' WHEN organization_id IS NOT NULL THEN 'organization'
                        ELSE 'region' END) VIRTUAL,
    PRIMARY KEY (event_id, position),
    CHECK ((state_code IS NOT NULL) + (person_id IS NOT NULL) + (organization_id IS NOT NULL) + (region_id IS NOT NULL) = 1)
) STRICT, WITHOUT ROWID;
INSERT INTO event_actors_0005 (event_id, position, state_code, person_id, organization_id)
    SELECT event_id, position, state_code, person_id, organization_id FROM event_actors;
DROP TABLE event_actors;
ALTER TABLE event_actors_0005 RENAME TO event_actors;
CREATE UNIQUE INDEX event_actors_unique ON event_actors (event_id, actor_id);
CREATE TRIGGER event_actors_edits_insert AFTER INSERT ON event_actors BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER event_actors_edits_update AFTER UPDATE ON event_actors BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER event_actors_edits_delete AFTER DELETE ON event_actors BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;

CREATE TEMP TABLE migration_0005_first_parties (event_id TEXT, actors TEXT);
INSERT INTO migration_0005_first_parties VALUES
    ('soviet-invasion-of-czechoslovakia', 'SU,CS,warsaw-pact'),
    ('sco-founded', 'sco'),
    ('georgian-offensive-on-south-ossetia', 'GE'),
    ('russian-tanks-roll-into-south-ossetia', 'RU,GE'),
    ('spy-plane-claimed-shot-down', 'GE,georgia-interior-ministry'),
    ('us-warships-visit-georgia', 'US'),
    ('peace-deal-signed', 'RU,GE,eu'),
    ('six-principles-adopted', 'RU'),
    ('georgian-soldiers-seized', 'GE,RU'),
    ('russia-recognizes-separatist-regions', 'RU,the-west'),
    ('ethnic-cleansing-charged-at-osce', 'GE,eka-tkeshelashvili,osce,RU,anvar-azimov'),
    ('georgian-soldiers-handed-over', 'RU,GE'),
    ('russian-troops-remain-at-checkpoints', 'RU,the-kremlin'),
    ('sco-joint-declaration', 'sco,KZ,CN,KG,RU,TJ,UZ'),
    ('sco-summit-dushanbe', 'sco,KZ,CN,KG,RU,TJ,UZ,IR,IN,PK,MN,AF,dmitry-medvedev,mahmoud-ahmadinejad,hamid-karzai');
CREATE TEMP TABLE migration_0005_parties (event_id TEXT, position INTEGER, id TEXT, role TEXT, inferred INTEGER);
INSERT INTO migration_0005_parties VALUES
    ('soviet-invasion-of-czechoslovakia', 0, 'SU', 'actor', 0),
    ('soviet-invasion-of-czechoslovakia', 1, 'CS', 'target', 0),
    ('soviet-invasion-of-czechoslovakia', 2, 'warsaw-pact', 'subject', 0),
    ('sco-founded', 0, 'sco', 'actor', 0),
    ('georgian-offensive-on-south-ossetia', 0, 'GE', 'actor', 0),
    ('georgian-offensive-on-south-ossetia', 1, 'south-ossetia', 'target', 0),
    ('russian-tanks-roll-into-south-ossetia', 0, 'RU', 'actor', 0),
    ('russian-tanks-roll-into-south-ossetia', 1, 'GE', 'target', 0),
    ('spy-plane-claimed-shot-down', 0, 'south-ossetia', 'claimant', 0),
    ('spy-plane-claimed-shot-down', 1, 'GE', 'target', 0),
    ('spy-plane-claimed-shot-down', 2, 'georgia-interior-ministry', 'denier', 0),
    ('us-warships-visit-georgia', 0, 'US', 'actor', 0),
    ('us-warships-visit-georgia', 1, 'GE', 'host', 0),
    ('peace-deal-signed', 0, 'RU', 'actor', 1),
    ('peace-deal-signed', 1, 'GE', 'actor', 1),
    ('peace-deal-signed', 2, 'eu', 'mediator', 0),
    ('six-principles-adopted', 0, 'RU', 'actor', 1),
    ('georgian-soldiers-seized', 0, 'GE', 'target', 0),
    ('georgian-soldiers-seized', 1, 'RU', 'actor', 1),
    ('russia-recognizes-separatist-regions', 0, 'RU', 'actor', 0),
    ('russia-recognizes-separatist-regions', 1, 'south-ossetia', 'subject', 0),
    ('russia-recognizes-separatist-regions', 2, 'abkhazia', 'subject', 0),
    ('russia-recognizes-separatist-regions', 3, 'the-west', 'critic', 0),
    ('ethnic-cleansing-charged-at-osce', 0, 'GE', 'claimant', 0),
    ('ethnic-cleansing-charged-at-osce', 1, 'eka-tkeshelashvili', 'claimant', 0),
    ('ethnic-cleansing-charged-at-osce', 2, 'osce', 'venue', 0),
    ('ethnic-cleansing-charged-at-osce', 3, 'RU', 'target', 0),
    ('ethnic-cleansing-charged-at-osce', 4, 'anvar-azimov', 'denier', 0),
    ('georgian-soldiers-handed-over', 0, 'RU', 'actor', 0),
    ('georgian-soldiers-handed-over', 1, 'GE', 'recipient', 0),
    ('russian-troops-remain-at-checkpoints', 0, 'RU', 'actor', 0),
    ('russian-troops-remain-at-checkpoints', 1, 'the-kremlin', 'claimant', 0),
    ('sco-joint-declaration', 0, 'sco', 'actor', 0),
    ('sco-joint-declaration', 1, 'KZ', 'actor', 0),
    ('sco-joint-declaration', 2, 'CN', 'actor', 0),
    ('sco-joint-declaration', 3, 'KG', 'actor', 0),
    ('sco-joint-declaration', 4, 'RU', 'actor', 0),
    ('sco-joint-declaration', 5, 'TJ', 'actor', 0),
    ('sco-joint-declaration', 6, 'UZ', 'actor', 0),
    ('sco-summit-dushanbe', 0, 'sco', 'host', 0),
    ('sco-summit-dushanbe', 1, 'TJ', 'host', 1),
    ('sco-summit-dushanbe', 2, 'KZ', 'attendee', 0),
    ('sco-summit-dushanbe', 3, 'CN', 'attendee', 0),
    ('sco-summit-dushanbe', 4, 'KG', 'attendee', 0),
    ('sco-summit-dushanbe', 5, 'RU', 'attendee', 0),
    ('sco-summit-dushanbe', 6, 'UZ', 'attendee', 0),
    ('sco-summit-dushanbe', 7, 'IR', 'observer', 0),
    ('sco-summit-dushanbe', 8, 'IN', 'observer', 0),
    ('sco-summit-dushanbe', 9, 'PK', 'observer', 0),
    ('sco-summit-dushanbe', 10, 'MN', 'observer', 0),
    ('sco-summit-dushanbe', 11, 'AF', 'observer', 0),
    ('sco-summit-dushanbe', 12, 'dmitry-medvedev', 'attendee', 0),
    ('sco-summit-dushanbe', 13, 'mahmoud-ahmadinejad', 'attendee', 0),
    ('sco-summit-dushanbe', 14, 'hamid-karzai', 'attendee', 0);
CREATE TEMP TABLE migration_0005_unedited AS
    SELECT f.event_id FROM migration_0005_first_parties f
    WHERE f.actors = (SELECT group_concat(actor_id, ',') FROM (SELECT actor_id FROM event_actors a WHERE a.event_id = f.event_id ORDER BY position))
        AND NOT EXISTS (SELECT 1 FROM migration_0005_parties p WHERE p.event_id = f.event_id
            AND p.id NOT IN (SELECT code FROM states UNION ALL SELECT id FROM people UNION ALL SELECT id FROM organizations
                             UNION ALL SELECT id FROM regions));
DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM migration_0005_unedited);
INSERT INTO event_actors (event_id, position, state_code, person_id, organization_id, region_id, role, inferred)
    SELECT p.event_id, p.position,
           (SELECT code FROM states WHERE code = p.id), (SELECT id FROM people WHERE id = p.id),
           (SELECT id FROM organizations WHERE id = p.id), (SELECT id FROM regions WHERE id = p.id), p.role, p.inferred
    FROM migration_0005_parties p WHERE p.event_id IN (SELECT event_id FROM migration_0005_unedited)
    ORDER BY p.event_id, p.position;
-- The notes that say which parts are inferred.
UPDATE events SET note = 'The article quotes the declaration welcoming the six principles adopted in Moscow on Aug. 12, 2008 (event six-principles-adopted) in the context of this deal; it does not say in so many words that they are the same act. Who signed is not stated. Russia and Georgia are read as the parties from "both sides"; the article names no signatory.' WHERE id = 'peace-deal-signed' AND note IS 'The article quotes the declaration welcoming the six principles adopted in Moscow on Aug. 12, 2008 (event six-principles-adopted) in the context of this deal; it does not say in so many words that they are the same act. Who signed is not stated.' AND id IN (SELECT event_id FROM migration_0005_unedited);
UPDATE events SET note = 'The article says the principles were adopted in Moscow and praises Russia''s "active role"; that Russia adopted them is read from that, not said.' WHERE id = 'six-principles-adopted' AND note IS NULL AND id IN (SELECT event_id FROM migration_0005_unedited);
UPDATE events SET note = 'The article does not say who seized the soldiers; that Russian forces did is read from their being paraded on Russian armored vehicles.' WHERE id = 'georgian-soldiers-seized' AND note IS NULL AND id IN (SELECT event_id FROM migration_0005_unedited);
UPDATE events SET note = 'Tajikistan as host is read from the summit''s place, Dushanbe, its capital; the article does not say it.' WHERE id = 'sco-summit-dushanbe' AND note IS NULL AND id IN (SELECT event_id FROM migration_0005_unedited);
DROP TABLE migration_0005_first_parties;
DROP TABLE migration_0005_parties;
DROP TABLE migration_0005_unedited;

CREATE TABLE actor_timeline (
    actor_id      TEXT NOT NULL,
    date_earliest TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    date_latest   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    role          TEXT NOT NULL,
    PRIMARY KEY (actor_id, date_earliest, event_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX actor_timeline_by_event ON actor_timeline (event_id, actor_id);

CREATE TABLE region_timeline (
    region_id     TEXT NOT NULL,
    date_earliest TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    date_latest   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    PRIMARY KEY (region_id, date_earliest, event_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX region_timeline_by_event ON region_timeline (event_id, region_id);

INSERT INTO actor_timeline (actor_id, date_earliest, event_id, date_latest, kind, role)
    SELECT a.actor_id, e.date_earliest, e.id, e.date_latest, e.kind, a.role FROM event_actors a JOIN events e ON e.id = a.event_id ORDER BY 1, 2, 3;
INSERT INTO region_timeline (region_id, date_earliest, event_id, date_latest, kind)
    SELECT r.region_id, e.date_earliest, e.id, e.date_latest, e.kind FROM event_regions r JOIN events e ON e.id = r.event_id ORDER BY 1, 2, 3;

CREATE TRIGGER events_timeline_insert AFTER INSERT ON events WHEN new.date_earliest IS NOT NULL BEGIN
    DELETE FROM actor_timeline WHERE event_id = new.id;
    DELETE FROM region_timeline WHERE event_id = new.id;
    INSERT INTO actor_timeline (actor_id, date_earliest, event_id, date_latest, kind, role)
        SELECT actor_id, new.date_earliest, new.id, new.date_latest, new.kind, role FROM event_actors WHERE event_id = new.id;
    INSERT INTO region_timeline (region_id, date_earliest, event_id, date_latest, kind)
        SELECT region_id, new.date_earliest, new.id, new.date_latest, new.kind FROM event_regions WHERE event_id = new.id;
END;
CREATE TRIGGER events_timeline_update AFTER UPDATE OF id, date_earliest, date_latest, kind ON events BEGIN
    DELETE FROM actor_timeline WHERE event_id IN (old.id, new.id);
    DELETE FROM region_timeline WHERE event_id IN (old.id, new.id);
    INSERT INTO actor_timeline (actor_id, date_earliest, event_id, date_latest, kind, role)
        SELECT actor_id, new.date_earliest, new.id, new.date_latest, new.kind, role FROM event_actors WHERE event_id = new.id;
    INSERT INTO region_timeline (region_id, date_earliest, event_id, date_latest, kind)
        SELECT region_id, new.date_earliest, new.id, new.date_latest, new.kind FROM event_regions WHERE event_id = new.id;
END;
CREATE TRIGGER events_timeline_delete AFTER DELETE ON events BEGIN
    DELETE FROM actor_timeline WHERE event_id = old.id;
    DELETE FROM region_timeline WHERE event_id = old.id;
END;

CREATE TRIGGER event_actors_timeline_insert AFTER INSERT ON event_actors BEGIN
    DELETE FROM actor_timeline WHERE event_id = new.event_id;
    INSERT INTO actor_timeline (actor_id, date_earliest, event_id, date_latest, kind, role)
        SELECT a.actor_id, e.date_earliest, e.id, e.date_latest, e.kind, a.role FROM events e JOIN event_actors a ON a.event_id = e.id
        WHERE e.id = new.event_id;
END;
CREATE TRIGGER event_actors_timeline_update AFTER UPDATE OF event_id, state_code, person_id, organization_id, region_id, role ON event_actors BEGIN
    DELETE FROM actor_timeline WHERE event_id IN (old.event_id, new.event_id);
    INSERT INTO actor_timeline (actor_id, date_earliest, event_id, date_latest, kind, role)
        SELECT a.actor_id, e.date_earliest, e.id, e.date_latest, e.kind, a.role FROM events e JOIN event_actors a ON a.event_id = e.id
        WHERE e.id IN (old.event_id, new.event_id);
END;
CREATE TRIGGER event_actors_timeline_delete AFTER DELETE ON event_actors BEGIN
    DELETE FROM actor_timeline WHERE event_id = old.event_id AND actor_id = old.actor_id;
END;

CREATE TRIGGER event_regions_timeline_insert AFTER INSERT ON event_regions BEGIN
    DELETE FROM region_timeline WHERE event_id = new.event_id;
    INSERT INTO region_timeline (region_id, date_earliest, event_id, date_latest, kind)
        SELECT r.region_id, e.date_earliest, e.id, e.date_latest, e.kind FROM events e JOIN event_regions r ON r.event_id = e.id
        WHERE e.id = new.event_id;
END;
CREATE TRIGGER event_regions_timeline_update AFTER UPDATE OF event_id, region_id ON event_regions BEGIN
    DELETE FROM region_timeline WHERE event_id IN (old.event_id, new.event_id);
    INSERT INTO region_timeline (region_id, date_earliest, event_id, date_latest, kind)
        SELECT r.region_id, e.date_earliest, e.id, e.date_latest, e.kind FROM events e JOIN event_regions r ON r.event_id = e.id
        WHERE e.id IN (old.event_id, new.event_id);
END;
CREATE TRIGGER event_regions_timeline_delete AFTER DELETE ON event_regions BEGIN
    DELETE FROM region_timeline WHERE event_id = old.event_id AND region_id = old.region_id;
END;

-- Responses: every statement a statement answers.
CREATE TABLE statement_responses (
    statement_id  TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    responds_to_id TEXT NOT NULL REFERENCES statements (id) DEFERRABLE INITIALLY DEFERRED,
    position      INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (statement_id, responds_to_id),
    CHECK (responds_to_id <> statement_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX statement_responses_by_target ON statement_responses (responds_to_id, statement_id);
CREATE TRIGGER statement_responses_edits_insert AFTER INSERT ON statement_responses BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER statement_responses_edits_update AFTER UPDATE ON statement_responses BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER statement_responses_edits_delete AFTER DELETE ON statement_responses BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;

INSERT INTO statement_responses (statement_id, responds_to_id, position)
    SELECT id, responds_to, 0 FROM statements WHERE responds_to IS NOT NULL;
-- The bundled denial of "the charge" answers all three charges, where it still answers the one
-- the first edition gave it and all three are there.
CREATE TEMP TABLE migration_0005_charges (id TEXT, position INTEGER);
INSERT INTO migration_0005_charges VALUES
    ('tkeshelashvili-georgians-driven-out', 0), ('tkeshelashvili-ethnic-cleansing-completed', 1),
    ('tkeshelashvili-villages-expelled', 2);
CREATE TEMP TABLE migration_0005_denial AS
    SELECT 'azimov-denies-ethnic-cleansing' AS id
    WHERE (SELECT group_concat(responds_to_id) FROM statement_responses WHERE statement_id = 'azimov-denies-ethnic-cleansing')
              = 'tkeshelashvili-ethnic-cleansing-completed'
        AND (SELECT count(*) FROM statements WHERE id IN (SELECT id FROM migration_0005_charges)) = 3;
DELETE FROM statement_responses WHERE statement_id IN (SELECT id FROM migration_0005_denial);
INSERT INTO statement_responses (statement_id, responds_to_id, position)
    SELECT d.id, c.id, c.position FROM migration_0005_denial d, migration_0005_charges c ORDER BY c.position;
UPDATE statements SET responds_to = 'tkeshelashvili-georgians-driven-out' WHERE id IN (SELECT id FROM migration_0005_denial);
DROP TABLE migration_0005_charges;
DROP TABLE migration_0005_denial;

-- Same acts: an event and the records that are the same act.
CREATE TABLE event_links (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    other_id TEXT NOT NULL CHECK (other_id <> event_id),
    position INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (event_id, other_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_links_by_other ON event_links (other_id, event_id);
CREATE TRIGGER event_links_edits_insert AFTER INSERT ON event_links BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER event_links_edits_update AFTER UPDATE ON event_links BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER event_links_edits_delete AFTER DELETE ON event_links BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
INSERT INTO event_links (event_id, other_id, position)
    SELECT l.event_id, l.other_id, 0
    FROM (SELECT 'sco-summit-dushanbe' AS event_id, 'sco-summit-2008-dushanbe' AS other_id
          UNION ALL SELECT 'sco-joint-declaration', 'sco-dushanbe-declaration-2008'
          UNION ALL SELECT 'peace-deal-signed', 'six-principles-adopted'
          UNION ALL SELECT 'six-principles-adopted', 'peace-deal-signed') AS l
    WHERE EXISTS (SELECT 1 FROM events WHERE id = l.event_id)
        AND (EXISTS (SELECT 1 FROM events WHERE id = l.other_id) OR EXISTS (SELECT 1 FROM summits WHERE id = l.other_id)
             OR EXISTS (SELECT 1 FROM declarations WHERE id = l.other_id));

-- Roles: `observer` for attending as an observer, `observer-status` for the status.
CREATE TABLE state_roles_0005 (
    state_code TEXT NOT NULL REFERENCES states (code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    role       TEXT NOT NULL CHECK (role IN ('member', 'observer', 'observer-status', 'party-to-conflict', 'other')),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (state_code, role)
) STRICT, WITHOUT ROWID;
INSERT INTO state_roles_0005 (state_code, role, position)
    SELECT state_code, CASE role WHEN 'observer' THEN 'observer-status' WHEN 'attending-as-observer' THEN 'observer' ELSE role END,
           position
    FROM state_roles;
DROP TABLE state_roles;
ALTER TABLE state_roles_0005 RENAME TO state_roles;
CREATE INDEX state_roles_by_role ON state_roles (role, state_code);
CREATE TRIGGER state_roles_edits_insert AFTER INSERT ON state_roles BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER state_roles_edits_update AFTER UPDATE ON state_roles BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER state_roles_edits_delete AFTER DELETE ON state_roles BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;

UPDATE people SET organization_id = NULL,
    note = 'Russia''s ambassador to the OSCE, as "Russian OSCE Ambassador" says: he represents Russia there and is not on the OSCE''s staff, so he is listed under Russia and under no organization.'
    WHERE id = 'anvar-azimov' AND organization_id = 'osce' AND state_code = 'RU' AND note IS NULL;
UPDATE statements SET note = 'An allegation, denied by Russia''s OSCE ambassador; no verdict is given. The article attributes it to "a senior Georgian official", unnamed; that the official is Eka Tkeshelashvili, whom the next paragraph quotes, is an inference.'
    WHERE id = 'tkeshelashvili-georgians-driven-out' AND note = 'An allegation, denied by Russia''s OSCE ambassador; no verdict is given.';
UPDATE statements SET note = NULL
    WHERE id = 'azimov-denies-ethnic-cleansing'
        AND note = 'The denial answers the charge as a whole, including tkeshelashvili-georgians-driven-out and tkeshelashvili-villages-expelled.';

-- Quote positions: every stored quote gains `start` and `end`, in code points (instr() and
-- length() count characters), at its first occurrence in its source's text; the bundled ones
-- each occur once. None of this counts as an edit.
UPDATE states SET sources = (SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(states.sources) AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p);
UPDATE states SET notes = (SELECT json_group_array(json(n.note)) FROM (
    SELECT json_object('text', json_extract(x.value, '$.text'), 'sources', json((SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(x.value, '$.sources') AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p))) AS note
    FROM json_each(states.notes) AS x ORDER BY x.key) AS n);
UPDATE organizations SET sources = (SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(organizations.sources) AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p);
UPDATE organizations SET notes = (SELECT json_group_array(json(n.note)) FROM (
    SELECT json_object('text', json_extract(x.value, '$.text'), 'sources', json((SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(x.value, '$.sources') AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p))) AS note
    FROM json_each(organizations.notes) AS x ORDER BY x.key) AS n);
UPDATE people SET sources = (SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(people.sources) AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p);
UPDATE people SET notes = (SELECT json_group_array(json(n.note)) FROM (
    SELECT json_object('text', json_extract(x.value, '$.text'), 'sources', json((SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(x.value, '$.sources') AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p))) AS note
    FROM json_each(people.notes) AS x ORDER BY x.key) AS n);
UPDATE regions SET sources = (SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(regions.sources) AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p);
UPDATE regions SET notes = (SELECT json_group_array(json(n.note)) FROM (
    SELECT json_object('text', json_extract(x.value, '$.text'), 'sources', json((SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(x.value, '$.sources') AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p))) AS note
    FROM json_each(regions.notes) AS x ORDER BY x.key) AS n);
UPDATE summits SET sources = (SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(summits.sources) AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p);
UPDATE summits SET notes = (SELECT json_group_array(json(n.note)) FROM (
    SELECT json_object('text', json_extract(x.value, '$.text'), 'sources', json((SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(x.value, '$.sources') AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p))) AS note
    FROM json_each(summits.notes) AS x ORDER BY x.key) AS n);
UPDATE declarations SET sources = (SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(declarations.sources) AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p);
UPDATE declarations SET notes = (SELECT json_group_array(json(n.note)) FROM (
    SELECT json_object('text', json_extract(x.value, '$.text'), 'sources', json((SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(x.value, '$.sources') AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p))) AS note
    FROM json_each(declarations.notes) AS x ORDER BY x.key) AS n);
UPDATE clauses SET sources = (SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(clauses.sources) AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p);
UPDATE events SET sources = (SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(events.sources) AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p);
UPDATE statements SET sources = (SELECT json_group_array(json(p.quote)) FROM (
            SELECT json_object('sourceId', json_extract(q.value, '$.sourceId'), 'quote', json_extract(q.value, '$.quote'),
                'start', instr(s.text, json_extract(q.value, '$.quote')) - 1,
                'end', instr(s.text, json_extract(q.value, '$.quote')) - 1 + length(json_extract(q.value, '$.quote'))) AS quote
            FROM json_each(statements.sources) AS q LEFT JOIN sources AS s ON s.id = json_extract(q.value, '$.sourceId') ORDER BY q.key) AS p);

-- Quantities: the numbers the report gives, structured. The bundled ones are added where the
-- article they quote is there, their positions as the fixture's.
CREATE TABLE quantities (
    id          TEXT PRIMARY KEY,
    measure     TEXT NOT NULL CHECK (length(measure) > 0),
    value       REAL NOT NULL,
    unit        TEXT NOT NULL CHECK (length(unit) > 0),
    approximate INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    text        TEXT NOT NULL CHECK (length(text) > 0),
    about       TEXT NOT NULL CHECK (json_valid(about) AND json_type(about) = 'array' AND json_array_length(about) > 0),
    note        TEXT,
    sources     TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0),
    ordinal     INTEGER CHECK (ordinal >= 0)
) STRICT;
CREATE TRIGGER quantities_edits_insert AFTER INSERT ON quantities BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER quantities_edits_update AFTER UPDATE ON quantities BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TRIGGER quantities_edits_delete AFTER DELETE ON quantities BEGIN UPDATE dataset SET edits = edits + 1 WHERE id = 1; END;
CREATE TEMP TABLE migration_0005_quantities (id TEXT, measure TEXT, value REAL, unit TEXT, approximate INTEGER, text TEXT,
    about TEXT, note TEXT, sources TEXT, ordinal INTEGER);
INSERT INTO migration_0005_quantities VALUES
    ('kyrgyzstan-air-base-aid-and-rent', 'aid and rent Kyrgyzstan earns for hosting a U.S. air base', 150000000.0, 'USD', 0, 'US$150 million', '["KG","US"]', 'The article does not say over what period; a year is a common reading, not the article''s.', '[{"sourceId":"article-2008-08-28-sco-dushanbe","quote":"impoverished Kyrgyzstan earns US$150 million in aid and rent for hosting a U.S. air base that supports military operations in Afghanistan","start":3195,"end":3332}]', 0),
    ('georgian-soldiers-handed-over-count', 'Georgian soldiers Russian forces turned over', 12.0, 'soldiers', 0, '12 Georgian soldiers', '["georgian-soldiers-handed-over","GE","RU"]', NULL, '[{"sourceId":"article-2008-08-28-sco-dushanbe","quote":"Russian forces turned over 12 Georgian soldiers on the border of Abkhazia","start":3833,"end":3906}]', 1),
    ('separatist-regions-share-of-georgia', 'share of Georgia''s territory that South Ossetia and Abkhazia make up', 20.0, 'percent', 1, 'roughly 20 percent', '["south-ossetia","abkhazia","GE"]', '"Roughly": the value is the article''s round figure.', '[{"sourceId":"article-2008-08-28-sco-dushanbe","quote":"The two regions make up roughly 20 percent of Georgia''s territory.","start":4722,"end":4788}]', 2),
    ('sco-founding-year', 'year the SCO was created', 2001.0, 'year', 0, '2001', '["sco"]', NULL, '[{"sourceId":"article-2008-08-28-sco-dushanbe","quote":"The SCO was created in 2001","start":7240,"end":7267}]', 3),
    ('six-principles-count', 'principles of resolving the conflict in South Ossetia adopted in Moscow', 6.0, 'principles', 0, 'six principles', '["six-principles-adopted"]', NULL, '[{"sourceId":"article-2008-08-28-sco-dushanbe","quote":"the six principles of resolving the conflict in South Ossetia","start":2752,"end":2813}]', 4),
    ('peace-deal-days-after-war-began', 'days between the start of the war and the peace deal', 5.0, 'days', 0, 'five days after the war began', '["peace-deal-signed"]', NULL, '[{"sourceId":"article-2008-08-28-sco-dushanbe","quote":"the peace deal signed five days after the war began, on the night of Aug. 7","start":2599,"end":2674}]', 5),
    ('declaration-days-after-recognition', 'days between Russia''s recognition of the regions and the joint statement', 2.0, 'days', 0, 'two days after', '["sco-joint-declaration","russia-recognizes-separatist-regions"]', NULL, '[{"sourceId":"article-2008-08-28-sco-dushanbe","quote":"two days after Russia sought to redraw Georgia''s territory","start":1705,"end":1763}]', 6),
    ('russian-tanks-count', 'Russian tanks sent into South Ossetia', 200.0, 'tanks', 1, 'hundreds of tanks', '["russian-tanks-roll-into-south-ossetia","RU"]', '"Hundreds": at least two hundred; the value is that floor, not a count.', '[{"sourceId":"article-2008-08-28-sco-dushanbe","quote":"Russia in response sent hundreds of tanks rolling into the rebel region","start":4395,"end":4466}]', 7);
INSERT INTO quantities (id, measure, value, unit, approximate, text, about, note, sources, ordinal)
    SELECT id, measure, value, unit, approximate, text, about, note, sources, ordinal FROM migration_0005_quantities
    WHERE EXISTS (SELECT 1 FROM dataset WHERE id = 1)
        AND EXISTS (SELECT 1 FROM sources WHERE id = 'article-2008-08-28-sco-dushanbe' AND instr(text, 'US$150 million') > 0);
DROP TABLE migration_0005_quantities;

-- Search: every record, with its notes. The records with notes (states, organizations,
-- people, regions, the summit, the declaration) join clauses, statements and events in the
-- index, each under its name or title, its notes (and its other prose) as the body; clauses,
-- statements and events add their editor's `note` to the body. search_rows is rebuilt for its
-- CHECK and the index filled anew (a search cursor names a rowid and the data version, so none
-- handed out before survives a migration anyway).
DROP TRIGGER clauses_search_insert;
DROP TRIGGER clauses_search_update;
DROP TRIGGER clauses_search_delete;
DROP TRIGGER statements_search_insert;
DROP TRIGGER statements_search_update;
DROP TRIGGER statements_search_delete;
DROP TRIGGER events_search_insert;
DROP TRIGGER events_search_update;
DROP TRIGGER events_search_delete;
DELETE FROM search;
DROP TABLE search_rows;
CREATE TABLE search_rows (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('clause', 'statement', 'event', 'state', 'organization', 'person', 'region', 'summit', 'declaration', 'quantity')),
    record_id TEXT NOT NULL,
    UNIQUE (kind, record_id)
) STRICT;
INSERT INTO search_rows (kind, record_id) SELECT 'clause', id FROM clauses ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'clause', t.id, t.summary, ltrim(coalesce(' ' || t.text, '') || coalesce(' ' || t.note, ''))
    FROM clauses t JOIN search_rows r ON r.kind = 'clause' AND r.record_id = t.id;
INSERT INTO search_rows (kind, record_id) SELECT 'statement', id FROM statements ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'statement', t.id, t.summary, ltrim(coalesce(' ' || t.quote, '') || coalesce(' ' || t.note, ''))
    FROM statements t JOIN search_rows r ON r.kind = 'statement' AND r.record_id = t.id;
INSERT INTO search_rows (kind, record_id) SELECT 'event', id FROM events ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'event', t.id, t.title, ltrim(coalesce(' ' || t.summary, '') || coalesce(' ' || t.note, ''))
    FROM events t JOIN search_rows r ON r.kind = 'event' AND r.record_id = t.id;
INSERT INTO search_rows (kind, record_id) SELECT 'state', code FROM states ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'state', t.code, t.name, ltrim(coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(t.notes) AS n), '') || coalesce(' ' || t.note, ''))
    FROM states t JOIN search_rows r ON r.kind = 'state' AND r.record_id = t.code;
INSERT INTO search_rows (kind, record_id) SELECT 'organization', id FROM organizations ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'organization', t.id, t.name, ltrim(coalesce(' ' || t.abbreviation, '') || coalesce(' ' || t.purpose, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(t.notes) AS n), '') || coalesce(' ' || t.note, ''))
    FROM organizations t JOIN search_rows r ON r.kind = 'organization' AND r.record_id = t.id;
INSERT INTO search_rows (kind, record_id) SELECT 'person', id FROM people ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'person', t.id, t.name, ltrim(coalesce(' ' || t.title, '') || coalesce(' ' || t.name_in_source, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(t.notes) AS n), '') || coalesce(' ' || t.note, ''))
    FROM people t JOIN search_rows r ON r.kind = 'person' AND r.record_id = t.id;
INSERT INTO search_rows (kind, record_id) SELECT 'region', id FROM regions ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'region', t.id, t.name, ltrim(coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(t.notes) AS n), '') || coalesce(' ' || t.note, ''))
    FROM regions t JOIN search_rows r ON r.kind = 'region' AND r.record_id = t.id;
INSERT INTO search_rows (kind, record_id) SELECT 'summit', id FROM summits ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'summit', t.id, t.name, ltrim(coalesce(' ' || t.place, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(t.notes) AS n), '') || coalesce(' ' || t.note, ''))
    FROM summits t JOIN search_rows r ON r.kind = 'summit' AND r.record_id = t.id;
INSERT INTO search_rows (kind, record_id) SELECT 'declaration', id FROM declarations ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'declaration', t.id, t.title, ltrim(coalesce(' ' || t.summary, '') || coalesce(' ' || t.endorsement, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(t.notes) AS n), '') || coalesce(' ' || t.note, ''))
    FROM declarations t JOIN search_rows r ON r.kind = 'declaration' AND r.record_id = t.id;
CREATE TRIGGER clauses_search_insert AFTER INSERT ON clauses BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('clause', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'clause' AND record_id = new.id), 'clause', new.id, new.summary, ltrim(coalesce(' ' || new.text, '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER clauses_search_update AFTER UPDATE OF id, summary, text, note ON clauses BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'clause' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'clause' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'clause' AND record_id = new.id), 'clause', new.id, new.summary, ltrim(coalesce(' ' || new.text, '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER clauses_search_delete AFTER DELETE ON clauses BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'clause' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'clause' AND record_id = old.id;
END;
CREATE TRIGGER statements_search_insert AFTER INSERT ON statements BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('statement', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'statement' AND record_id = new.id), 'statement', new.id, new.summary, ltrim(coalesce(' ' || new.quote, '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER statements_search_update AFTER UPDATE OF id, summary, quote, note ON statements BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'statement' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'statement' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'statement' AND record_id = new.id), 'statement', new.id, new.summary, ltrim(coalesce(' ' || new.quote, '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER statements_search_delete AFTER DELETE ON statements BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'statement' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'statement' AND record_id = old.id;
END;
CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('event', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'event' AND record_id = new.id), 'event', new.id, new.title, ltrim(coalesce(' ' || new.summary, '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER events_search_update AFTER UPDATE OF id, title, summary, note ON events BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'event' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'event' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'event' AND record_id = new.id), 'event', new.id, new.title, ltrim(coalesce(' ' || new.summary, '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'event' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'event' AND record_id = old.id;
END;
CREATE TRIGGER states_search_insert AFTER INSERT ON states BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('state', new.code);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'state' AND record_id = new.code), 'state', new.code, new.name, ltrim(coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER states_search_update AFTER UPDATE OF code, name, notes, note ON states BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'state' AND record_id = old.code);
    UPDATE search_rows SET record_id = new.code WHERE kind = 'state' AND record_id = old.code;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'state' AND record_id = new.code), 'state', new.code, new.name, ltrim(coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER states_search_delete AFTER DELETE ON states BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'state' AND record_id = old.code);
    DELETE FROM search_rows WHERE kind = 'state' AND record_id = old.code;
END;
CREATE TRIGGER organizations_search_insert AFTER INSERT ON organizations BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('organization', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'organization' AND record_id = new.id), 'organization', new.id, new.name, ltrim(coalesce(' ' || new.abbreviation, '') || coalesce(' ' || new.purpose, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER organizations_search_update AFTER UPDATE OF id, name, abbreviation, purpose, notes, note ON organizations BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'organization' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'organization' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'organization' AND record_id = new.id), 'organization', new.id, new.name, ltrim(coalesce(' ' || new.abbreviation, '') || coalesce(' ' || new.purpose, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER organizations_search_delete AFTER DELETE ON organizations BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'organization' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'organization' AND record_id = old.id;
END;
CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('person', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'person' AND record_id = new.id), 'person', new.id, new.name, ltrim(coalesce(' ' || new.title, '') || coalesce(' ' || new.name_in_source, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER people_search_update AFTER UPDATE OF id, name, title, name_in_source, notes, note ON people BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'person' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'person' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'person' AND record_id = new.id), 'person', new.id, new.name, ltrim(coalesce(' ' || new.title, '') || coalesce(' ' || new.name_in_source, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'person' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'person' AND record_id = old.id;
END;
CREATE TRIGGER regions_search_insert AFTER INSERT ON regions BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('region', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'region' AND record_id = new.id), 'region', new.id, new.name, ltrim(coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER regions_search_update AFTER UPDATE OF id, name, notes, note ON regions BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'region' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'region' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'region' AND record_id = new.id), 'region', new.id, new.name, ltrim(coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER regions_search_delete AFTER DELETE ON regions BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'region' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'region' AND record_id = old.id;
END;
CREATE TRIGGER summits_search_insert AFTER INSERT ON summits BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('summit', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'summit' AND record_id = new.id), 'summit', new.id, new.name, ltrim(coalesce(' ' || new.place, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER summits_search_update AFTER UPDATE OF id, name, place, notes, note ON summits BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'summit' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'summit' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'summit' AND record_id = new.id), 'summit', new.id, new.name, ltrim(coalesce(' ' || new.place, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER summits_search_delete AFTER DELETE ON summits BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'summit' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'summit' AND record_id = old.id;
END;
CREATE TRIGGER declarations_search_insert AFTER INSERT ON declarations BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('declaration', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'declaration' AND record_id = new.id), 'declaration', new.id, new.title, ltrim(coalesce(' ' || new.summary, '') || coalesce(' ' || new.endorsement, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER declarations_search_update AFTER UPDATE OF id, title, summary, endorsement, notes, note ON declarations BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'declaration' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'declaration' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'declaration' AND record_id = new.id), 'declaration', new.id, new.title, ltrim(coalesce(' ' || new.summary, '') || coalesce(' ' || new.endorsement, '') || coalesce(' ' || (SELECT group_concat(json_extract(n.value, '$.text'), ' ') FROM json_each(new.notes) AS n), '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER declarations_search_delete AFTER DELETE ON declarations BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'declaration' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'declaration' AND record_id = old.id;
END;

INSERT INTO search_rows (kind, record_id) SELECT 'quantity', id FROM quantities ORDER BY rowid;
INSERT INTO search (rowid, kind, record_id, title, body)
    SELECT r.id, 'quantity', t.id, t.measure, ltrim(coalesce(' ' || t.text, '') || coalesce(' ' || t.note, ''))
    FROM quantities t JOIN search_rows r ON r.kind = 'quantity' AND r.record_id = t.id;
CREATE TRIGGER quantities_search_insert AFTER INSERT ON quantities BEGIN
    INSERT INTO search_rows (kind, record_id) VALUES ('quantity', new.id);
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'quantity' AND record_id = new.id), 'quantity', new.id, new.measure, ltrim(coalesce(' ' || new.text, '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER quantities_search_update AFTER UPDATE OF id, measure, text, note ON quantities BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'quantity' AND record_id = old.id);
    UPDATE search_rows SET record_id = new.id WHERE kind = 'quantity' AND record_id = old.id;
    INSERT INTO search (rowid, kind, record_id, title, body) VALUES ((SELECT id FROM search_rows WHERE kind = 'quantity' AND record_id = new.id), 'quantity', new.id, new.measure, ltrim(coalesce(' ' || new.text, '') || coalesce(' ' || new.note, '')));
END;
CREATE TRIGGER quantities_search_delete AFTER DELETE ON quantities BEGIN
    DELETE FROM search WHERE rowid = (SELECT id FROM search_rows WHERE kind = 'quantity' AND record_id = old.id);
    DELETE FROM search_rows WHERE kind = 'quantity' AND record_id = old.id;
END;

-- The change log with `migrate`: rebuilt, as SQLite cannot alter a CHECK, keeping every `seq`
-- (AUTOINCREMENT's counter follows the copied rows: sqlite.org/autoinc.html).
CREATE TABLE changes_0005 (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    token_name TEXT CHECK (token_name IS NULL OR length(token_name) > 0),
    operation  TEXT NOT NULL CHECK (operation IN ('create', 'replace', 'update', 'delete', 'seed', 'migrate')),
    kind       TEXT NOT NULL CHECK (kind IN ('event', 'statement', 'clause', 'source', 'dataset')),
    record_id  TEXT NOT NULL CHECK (length(record_id) > 0),
    before     TEXT CHECK (before IS NULL OR json_valid(before)),
    after      TEXT CHECK (after IS NULL OR json_valid(after)),
    CHECK ((operation IN ('seed', 'migrate')) = (kind = 'dataset')),
    CHECK ((operation IN ('seed', 'migrate')) = (token_name IS NULL)),
    CHECK ((before IS NULL) = (operation IN ('create', 'seed', 'migrate'))),
    CHECK ((after IS NULL) = (operation = 'delete'))
) STRICT;
INSERT INTO changes_0005 (seq, at, token_name, operation, kind, record_id, before, after)
    SELECT seq, at, token_name, operation, kind, record_id, before, after FROM changes ORDER BY seq;
DROP TRIGGER dataset_seeded;
DROP INDEX changes_by_record;
DROP TABLE changes;
ALTER TABLE changes_0005 RENAME TO changes;
CREATE INDEX changes_by_record ON changes (kind, record_id, seq);
CREATE TRIGGER dataset_seeded AFTER INSERT ON dataset BEGIN
    INSERT INTO changes (at, token_name, operation, kind, record_id, before, after)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, 'seed', 'dataset', 'dataset', NULL,
            json_object('checksum', new.checksum, 'seededAt', new.seeded_at, 'formatVersion', new.format_version));
END;

INSERT INTO changes (at, token_name, operation, kind, record_id, before, after)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, 'migrate', 'dataset', 'dataset', NULL,
           json_object('migration', '0005_second_edition',
                       'summary', 'Every date gains earliest, latest and basis (lists sort by earliest and filter on overlapping bounds); a statement answers any number of statements (respondsTo, respondedBy); event parties have roles; every quote has its start and end; the report''s numbers are quantities; the role observer means attending as an observer, observer-status the status.',
                       'narrowed', (SELECT count(*) FROM events WHERE date_precision = 'month' AND date_earliest <> date_value || '-01')
                                   + (SELECT count(*) FROM statements WHERE date_precision = 'month' AND date_earliest <> date_value || '-01'))
    FROM dataset WHERE id = 1;

-- Nothing above was an edit.
UPDATE dataset SET edits = (SELECT s.edits FROM migration_0005_edits s WHERE s.id = dataset.id);
DROP TABLE migration_0005_edits;
