-- wrk request generator: GET <path>?q=TERM, cycling through terms from the article, so that a
-- server without a response cache runs a full-text query and encodes a page on every request.
-- <path> is the path of the URL given to wrk (sco-api: /v1/search; a peer: /per-request/v1/search).
local terms = {
  "Georgia", "Ossetia", "Abkhazia", "Medvedev", "declaration", "territorial", "integrity",
  "ceasefire", "Moscow", "China", "separatist", "recognition", "support", "conflict", "force",
  "Dushanbe", "NATO", "Tskhinvali", "peace", "Kremlin", "soldiers", "border", "Russia", "alliance",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", wrk.path .. "?q=" .. terms[(i % #terms) + 1])
end
