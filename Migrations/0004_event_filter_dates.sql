-- 0004_event_filter_dates: the timeline's actor and region filters page off one index each.
--
-- Before: `actor=GE` found the matching events through event_actors (actor_id, event_id) and then
-- sorted all of them by (date_value, id) for the first page: with 1,000,000 events and 118,000
-- matches, 340 ms a page, the last page as dear as the first. Walking events_by_date and probing
-- event_actors instead costs a scan of the whole index for an actor with few events.
--
-- Here two narrow tables hold each filter's matches in the timeline's default order, `date,id`:
-- `actor_timeline` keyed by (actor_id, date_value, event_id) and `region_timeline` by
-- (region_id, date_value, event_id), each table its own index (WITHOUT ROWID,
-- sqlite.org/withoutrowid.html). A page is a seek to the cursor (or to `from`) and a walk of
-- `limit` entries, forwards or backwards (sqlite.org/rowvalue.html §2.2), and a total is a
-- count over a key range that never reads an event. Each row also holds the event's kind, so
-- that `kind` combined with an actor or a region is checked without reading the event.
--
-- They are tables rather than a date column added to event_actors and event_regions because
-- event_actors has generated columns (actor_id), and SQLite 3.40 does not use an index of a
-- table with generated columns as a covering index: counting an actor's 118,000 events through
-- such an index read every one of its rows, 520 ms against 10 ms here.
--
-- Triggers keep them in step, so no writer has to know of them. Each rebuilds the rows of the
-- event a write touched from event_actors, event_regions and events, the source of truth: an
-- event's insert, date, kind or id change, and delete; a join row's insert, change and delete.
-- Foreign keys are deferred (0001), so a join row may be written before its event in the same
-- transaction: it then has no row here until the event's insert adds it. The triggers write
-- only these two tables, which have no triggers, so none sets off another, and neither table is
-- counted in `dataset.edits` (0002): they are derived data, not edits.

CREATE TABLE actor_timeline (
    actor_id   TEXT NOT NULL,
    date_value TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    PRIMARY KEY (actor_id, date_value, event_id)
) STRICT, WITHOUT ROWID;
-- An event's rows, for the triggers.
CREATE UNIQUE INDEX actor_timeline_by_event ON actor_timeline (event_id, actor_id);

CREATE TABLE region_timeline (
    region_id  TEXT NOT NULL,
    date_value TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    PRIMARY KEY (region_id, date_value, event_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX region_timeline_by_event ON region_timeline (event_id, region_id);

INSERT INTO actor_timeline (actor_id, date_value, event_id, kind)
    SELECT a.actor_id, e.date_value, e.id, e.kind FROM event_actors a JOIN events e ON e.id = a.event_id ORDER BY 1, 2, 3;
INSERT INTO region_timeline (region_id, date_value, event_id, kind)
    SELECT r.region_id, e.date_value, e.id, e.kind FROM event_regions r JOIN events e ON e.id = r.event_id ORDER BY 1, 2, 3;

-- The filters now read the tables above, and the index on event_actors' generated actor_id
-- served only them (an event's actors are read by primary key). event_regions_by_region stays:
-- it is the index on a foreign key's child column that a change to a region's id needs
-- (sqlite.org/foreignkeys.html#fk_indexes).
DROP INDEX event_actors_by_actor;

-- Each trigger below rebuilds the rows of the event(s) a write touched. An insert rebuilds
-- them whole rather than adding one row: an INSERT OR REPLACE that displaces rows fires no
-- delete trigger unless recursive triggers are on (sqlite.org/lang_conflict.html), so the
-- insert's trigger is the one that sees the displaced row gone.
CREATE TRIGGER events_timeline_insert AFTER INSERT ON events BEGIN
    DELETE FROM actor_timeline WHERE event_id = new.id;
    DELETE FROM region_timeline WHERE event_id = new.id;
    INSERT INTO actor_timeline (actor_id, date_value, event_id, kind)
        SELECT actor_id, new.date_value, new.id, new.kind FROM event_actors WHERE event_id = new.id;
    INSERT INTO region_timeline (region_id, date_value, event_id, kind)
        SELECT region_id, new.date_value, new.id, new.kind FROM event_regions WHERE event_id = new.id;
END;
CREATE TRIGGER events_timeline_update AFTER UPDATE OF id, date_value, kind ON events BEGIN
    DELETE FROM actor_timeline WHERE event_id IN (old.id, new.id);
    DELETE FROM region_timeline WHERE event_id IN (old.id, new.id);
    INSERT INTO actor_timeline (actor_id, date_value, event_id, kind)
        SELECT actor_id, new.date_value, new.id, new.kind FROM event_actors WHERE event_id = new.id;
    INSERT INTO region_timeline (region_id, date_value, event_id, kind)
        SELECT region_id, new.date_value, new.id, new.kind FROM event_regions WHERE event_id = new.id;
END;
CREATE TRIGGER events_timeline_delete AFTER DELETE ON events BEGIN
    DELETE FROM actor_timeline WHERE event_id = old.id;
    DELETE FROM region_timeline WHERE event_id = old.id;
END;

CREATE TRIGGER event_actors_timeline_insert AFTER INSERT ON event_actors BEGIN
    DELETE FROM actor_timeline WHERE event_id = new.event_id;
    INSERT INTO actor_timeline (actor_id, date_value, event_id, kind)
        SELECT a.actor_id, e.date_value, e.id, e.kind FROM events e JOIN event_actors a ON a.event_id = e.id WHERE e.id = new.event_id;
END;
CREATE TRIGGER event_actors_timeline_update AFTER UPDATE OF event_id, state_code, person_id, organization_id ON event_actors BEGIN
    DELETE FROM actor_timeline WHERE event_id IN (old.event_id, new.event_id);
    INSERT INTO actor_timeline (actor_id, date_value, event_id, kind)
        SELECT a.actor_id, e.date_value, e.id, e.kind FROM events e JOIN event_actors a ON a.event_id = e.id
        WHERE e.id IN (old.event_id, new.event_id);
END;
CREATE TRIGGER event_actors_timeline_delete AFTER DELETE ON event_actors BEGIN
    DELETE FROM actor_timeline WHERE event_id = old.event_id AND actor_id = old.actor_id;
END;

CREATE TRIGGER event_regions_timeline_insert AFTER INSERT ON event_regions BEGIN
    DELETE FROM region_timeline WHERE event_id = new.event_id;
    INSERT INTO region_timeline (region_id, date_value, event_id, kind)
        SELECT r.region_id, e.date_value, e.id, e.kind FROM events e JOIN event_regions r ON r.event_id = e.id WHERE e.id = new.event_id;
END;
CREATE TRIGGER event_regions_timeline_update AFTER UPDATE OF event_id, region_id ON event_regions BEGIN
    DELETE FROM region_timeline WHERE event_id IN (old.event_id, new.event_id);
    INSERT INTO region_timeline (region_id, date_value, event_id, kind)
        SELECT r.region_id, e.date_value, e.id, e.kind FROM events e JOIN event_regions r ON r.event_id = e.id
        WHERE e.id IN (old.event_id, new.event_id);
END;
CREATE TRIGGER event_regions_timeline_delete AFTER DELETE ON event_regions BEGIN
    DELETE FROM region_timeline WHERE event_id = old.event_id AND region_id = old.region_id;
END;
