-- Query shapes the timeline and search endpoints need, for EXPLAIN QUERY PLAN on the large
-- database (Scripts/bench scale). They follow Migrations/0001_initial.sql and DESIGN.md (keyset
-- cursor on (date_value, id), filters through event_actors / event_regions, FTS5 ranking); they
-- are written here, not taken from the repositories, so check them against SCOData's SQL when it
-- lands. Each statement is preceded by a `-- name:` line, which Scripts/bench prints.
-- name: first page
SELECT id FROM events ORDER BY date_value, id LIMIT 101;
-- name: page after a cursor
SELECT id FROM events WHERE (date_value, id) > ('2009-12-01', 'synthetic-0000000') ORDER BY date_value, id LIMIT 101;
-- name: kind filter
SELECT id FROM events WHERE kind = 'military' ORDER BY date_value, id LIMIT 101;
-- name: kind filter after a cursor
SELECT id FROM events WHERE kind = 'military' AND (date_value, id) > ('2009-12-01', '') ORDER BY date_value, id LIMIT 101;
-- name: actor filter
SELECT e.id FROM events e WHERE e.id IN (SELECT event_id FROM event_actors WHERE actor_id = 'GE') ORDER BY e.date_value, e.id LIMIT 101;
-- name: region filter
SELECT e.id FROM events e WHERE e.id IN (SELECT event_id FROM event_regions WHERE region_id = 'abkhazia') ORDER BY e.date_value, e.id LIMIT 101;
-- name: date range
SELECT id FROM events WHERE date_value >= '2008-08-01' AND date_value <= '2008-08-31' ORDER BY date_value, id LIMIT 101;
-- name: search
SELECT kind, record_id, snippet(search, 3, '', '', '…', 12) FROM search WHERE search MATCH 'tag042' ORDER BY rank LIMIT 20;
-- name: search, 100,000 hits
SELECT kind, record_id FROM search WHERE search MATCH 'cluster3' ORDER BY rank LIMIT 20;
-- name: actor filter, EXISTS shape
SELECT e.id FROM events e WHERE EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.actor_id = 'GE') ORDER BY e.date_value, e.id LIMIT 101;
-- name: actor filter, EXISTS shape, rare actor
SELECT e.id FROM events e WHERE EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.actor_id = 'sco') ORDER BY e.date_value, e.id LIMIT 101;
