-- wrk request generator: GET <path>?FILTERS, cycling through timeline filters, so that a server
-- without a response cache runs an indexed query and encodes a page on every request. Most
-- variants return most of the 15 events (so the work compares with a peer encoding all 15 per
-- request); a few are narrow. wrk's "bytes" per request, shown in the table, tells the sizes apart.
local queries = {
  "from=1960-01-01", "to=2008-12-31", "sort=-date", "limit=14", "from=2001-01-01&sort=-date",
  "from=1900-01-01&to=2009-01-01", "sort=kind,date", "sort=title", "limit=13&sort=-date",
  "to=2008-08-31&sort=-id", "kind=military", "actor=RU", "actor=RU,GE", "region=south-ossetia",
  "kind=military,diplomatic,ceasefire", "from=2008-08-01&to=2008-08-31",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", wrk.path .. "?" .. queries[(i % #queries) + 1])
end
