-- wrk: the same request every time, asking for a compressed body as a browser does (set once,
-- so wrk keeps its fast path of one prebuilt request).
wrk.headers["Accept-Encoding"] = "gzip, br"
