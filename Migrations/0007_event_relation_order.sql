-- 0007_event_relation_order: an event's regions and `sameAs` links read in their stored order
-- without sorting them.
--
-- Every event on a timeline page reads its regions and links (`SQLiteTimeline.attachRelated`)
-- by `event_id` in `position` order. Their primary keys are (event_id, region_id) and
-- (event_id, other_id), so each of those lookups built and sorted a temporary B-tree. These
-- covering indexes hold the rows in the order the page wants them; `event_actors` needs none,
-- its primary key is (event_id, position) already.
CREATE INDEX event_regions_by_event ON event_regions (event_id, position, region_id);
CREATE INDEX event_links_by_event ON event_links (event_id, position, other_id);
