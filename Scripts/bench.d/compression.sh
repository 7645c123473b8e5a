# Scripts/bench compression: size and CPU per body of each gzip level and brotli quality, on the
# bodies a running sco-api serves (JSON lists, a search, `/` and the article as HTML), with the
# same zlib and libbrotli calls as Sources/CCompression (compression_levels.c).

do_compression() {
  need_tools cc curl
  [[ -x $SCO_API_BIN ]] || die "no sco-api binary at $SCO_API_BIN (run: Scripts/bench build)"
  prepare_db
  start_server sco-api || die "sco-api did not start"
  local dir="$WORK/compression" base path name
  mkdir -p "$dir"
  base="http://$HOST:$(port_of sco-api)"
  for path in /v1/member-states /v1/timeline "/v1/search?q=Georgia" "/?format=html" \
      "/v1/sources/article-2008-08-28-sco-dushanbe?format=html"; do
    name=$(printf '%s' "$path" | tr -c 'A-Za-z0-9-' '_')
    curl -s --max-time 10 -o "$dir/$name" "$base$path" || die "GET $path failed"
  done
  cc -O2 "$BENCH_D/compression_levels.c" -lz -lbrotlienc -o "$dir/levels" || die "cc failed (apt-get install zlib1g-dev libbrotli-dev)"
  "$dir/levels" "$dir"/_* | tee "$RES/compression.md"
}
