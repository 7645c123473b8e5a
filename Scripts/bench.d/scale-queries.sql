-- Query shapes the timeline and search endpoints need, for EXPLAIN QUERY PLAN on the large
-- database (Scripts/bench scale). Keyset cursor on (date_value, id); actor and region filters
-- through actor_timeline / region_timeline (Migrations/0004); FTS5 ranking, or index order past
-- the ranking limit. They follow SCOData's SQL (SQLiteTimelineRepository, SQLiteSearchRepository)
-- with literal values, written out here. Each statement is preceded by a `-- name:` line, which
-- Scripts/bench prints. The search statements select FTS5's snippet() where the repository
-- selects title, body and match_offsets() (registered on sco-api's own connections only, not in
-- the Python that runs these), and the repository computes a one-phrase query's bm25 itself in
-- index order: these times are an upper bound for its SQL. Like the repository, they read a
-- hit's columns from FTS5's content table joined by rowid.
-- name: first page
SELECT id FROM events ORDER BY date_value, id LIMIT 101;
-- name: page after a cursor
SELECT id FROM events WHERE (date_value, id) > ('2009-12-01', 'synthetic-0000000') ORDER BY date_value, id LIMIT 101;
-- name: kind filter
SELECT id FROM events WHERE kind = 'military' ORDER BY date_value, id LIMIT 101;
-- name: kind filter after a cursor
SELECT id FROM events WHERE kind = 'military' AND (date_value, id) > ('2009-12-01', '') ORDER BY date_value, id LIMIT 101;
-- name: actor filter
SELECT t.event_id FROM actor_timeline t CROSS JOIN events e ON e.id = t.event_id WHERE t.actor_id = 'GE' ORDER BY t.date_value, t.event_id LIMIT 101;
-- name: region filter
SELECT t.event_id FROM region_timeline t CROSS JOIN events e ON e.id = t.event_id WHERE t.region_id = 'abkhazia' ORDER BY t.date_value, t.event_id LIMIT 101;
-- name: date range
SELECT id FROM events WHERE date_value >= '2008-08-01' AND date_value <= '2008-08-31' ORDER BY date_value, id LIMIT 101;
-- name: search
SELECT c.c0, c.c1, c.c2, snippet(search, -1, '[', ']', '…', 12), bm25(search, 0.0, 0.0, 4.0, 1.0), search.rowid FROM search JOIN search_content c ON c.id = search.rowid WHERE search MATCH 'tag042' ORDER BY bm25(search, 0.0, 0.0, 4.0, 1.0), search.rowid LIMIT 21;
-- name: search ranked, 100,000 hits (for comparison: past 1,000 matches the repository uses index order)
SELECT kind, record_id FROM search WHERE search MATCH 'cluster3' ORDER BY rank LIMIT 20;
-- name: actor filter after a cursor, newest first
SELECT t.event_id FROM actor_timeline t CROSS JOIN events e ON e.id = t.event_id WHERE (t.date_value, t.event_id) < ('1950-01-01', '') AND t.actor_id = 'GE' ORDER BY t.date_value DESC, t.event_id DESC LIMIT 101;
-- name: two actors (merged walks)
SELECT t.event_id, t.date_value FROM actor_timeline t CROSS JOIN events e ON e.id = t.event_id WHERE t.actor_id = 'GE' UNION SELECT t.event_id, t.date_value FROM actor_timeline t CROSS JOIN events e ON e.id = t.event_id WHERE t.actor_id = 'RU' ORDER BY t.date_value, t.event_id LIMIT 101;
-- name: actor and region
SELECT t.event_id FROM actor_timeline t CROSS JOIN events e ON e.id = t.event_id WHERE t.actor_id = 'RU' AND EXISTS (SELECT 1 FROM event_regions r WHERE r.event_id = t.event_id AND r.region_id = 'south-ossetia') ORDER BY t.date_value, t.event_id LIMIT 101;
-- name: rare actor
SELECT t.event_id FROM actor_timeline t CROSS JOIN events e ON e.id = t.event_id WHERE t.actor_id = 'sco' ORDER BY t.date_value, t.event_id LIMIT 101;
-- name: actor total
SELECT count(*) FROM actor_timeline t WHERE t.actor_id = 'GE';
-- name: search total, 100,000 hits
SELECT count(*) FROM search WHERE search MATCH 'cluster3';
-- name: search past the ranking limit (index order), 100,000 hits
SELECT c.c0, c.c1, c.c2, snippet(search, -1, '[', ']', '…', 12), bm25(search, 0.0, 0.0, 4.0, 1.0), search.rowid FROM search JOIN search_content c ON c.id = search.rowid WHERE search MATCH 'cluster3' ORDER BY search.rowid LIMIT 21;
