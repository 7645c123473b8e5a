-- wrk: 16 requests for the path written at once on each connection (HTTP/1.1 pipelining), as
-- wrk's own pipeline example does; wrk counts and checks each of the 16 responses.
local depth = 16
init = function(args)
  local requests = {}
  for i = 1, depth do requests[i] = wrk.format(nil, nil) end
  batch = table.concat(requests)
end
request = function() return batch end
