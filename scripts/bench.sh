#!/usr/bin/env bash
# Benchmarks for docs/benchmarks.md. Usage: scripts/bench.sh PHASE... (default: all)
#   build   test-compile + cp.txt (the test classpath)
#   import  34k real catalog into SQLite and into PostgreSQL (ImportBench), timed
#   import_jmh  the same first import into SQLite under JMH: single shots after 40 warm-up imports
#   search  in-process Lucene vs PostgreSQL FTS, single client (SearchBench)
#   jmh     JMH for the Lucene search (SearchJmh)
#   http    real server (-Xmx1g) over loopback: closed loop max, open loop at half (HttpLoadGen)
#   relevance  recall@10 / MRR, ours vs PostgreSQL, dev pairs and held-out pairs (MatchEval)
#   scale   1M synthetic catalog: scale_import, then scale_search
#   scale_import  generate the synthetic catalog (once) and import it into SQLite, timed
#   wrk_max closed-loop maximum with wrk instead of the Java client (WRK_DIR=data dir, default 34k)
#   scale_search  in-process search, HTTP and heap on the imported synthetic catalog
#   scale_http    only the HTTP part of scale_search
# Knobs (env): SECS (in-process phase length, 20), HTTP_SECS (30: a third of it warms the server up;
#   with 15 the server is still compiling and the maximum varies 2x), CONNS (4), SCALE_VARIANTS (30),
#   OPEN_RATE (open-loop rate; default half the closed-loop max), SERVER_JAVA_OPTS (server JVM, -Xmx1g),
#   JAVA_OPTS (the bench clients' JVM, -Xmx1g), SEARCH_CACHE_MAX_HITS (the server's result cache: 0, off,
#   so that the HTTP phases measure search; set it to measure the cache), PGHOST/PGUSER (127.0.0.1/postgres), BENCH_DIR (target/bench). Each phase logs uptime before/after.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/work/shared/data/retail-products}
W=${BENCH_DIR:-target/bench}
SECS=${SECS:-20}
HTTP_SECS=${HTTP_SECS:-30}
CONNS=${CONNS:-4}
VARIANTS=${SCALE_VARIANTS:-30}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PG_DB=buywhere_bench
PG_URL="postgresql://$PGUSER@$PGHOST:5432/$PG_DB"
PG_JDBC="jdbc:postgresql://$PGHOST:5432/$PG_DB?user=$PGUSER"
PORT=${PORT:-18080}
mkdir -p "$W"

jrun() { java ${JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat cp.txt)" "$@"; }
# load LABEL: uptime; since the last call, the share of CPU time the hypervisor took (steal) and
# the file pages read back after the host evicted them (refaults: a memory-mapped index that left
# the page cache is read from disk again)
load() {
  local now
  now="$(awk '/^cpu /{print $9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat) $(awk '/^workingset_refault_file /{print $2}' /proc/vmstat)"
  echo "load $1: $(uptime)$(awk -v a="${LOAD_AT:-$now}" -v b="$now" 'BEGIN {
    split(a, x, " "); split(b, y, " ");
    if (y[2] > x[2]) printf ", since the last line: steal %.1f %%, refaulted %d MiB", 100 * (y[1] - x[1]) / (y[2] - x[2]), (y[3] - x[3]) * 4 / 1024 }')"
  LOAD_AT=$now
}
phase() { echo; echo "=== $1 ($(date -u +%FT%TZ))"; load before; }

build() {
  ./mvnw -B -q -DskipTests test-compile
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
}

import() {
  phase "import: 34k real products, --country US"
  rm -rf "$W/sqlite34k" "$W/pg34k"
  jrun ai.buywhere.bench.ImportBench "$DATA/products.jsonl.gz" "$W/sqlite34k"
  psql -q -h "$PGHOST" -U "$PGUSER" -c "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB"
  jrun ai.buywhere.bench.ImportBench "$DATA/products.jsonl.gz" "$W/pg34k" "$PG_URL"
  load after
}

import_jmh() {
  phase "JMH, first import of the 34k catalog into SQLite, JIT warmed up"
  jrun org.openjdk.jmh.Main ai.buywhere.bench.ImportJmh -f 1 -wi 40 -i 20 \
    -jvmArgs "-Xmx1g -Dlogback.configurationFile=scripts/bench-logback.xml" \
    -p file="$DATA/products.jsonl.gz"
  load after
}

search() {
  phase "in-process search, 34k, ${SECS}s per engine and filter"
  jrun ai.buywhere.bench.SearchBench "$W/sqlite34k" "$PG_JDBC" "$DATA/queries-bestbuy.tsv" "$SECS"
  load after
}

jmh() {
  phase "JMH, Lucene search, 34k"
  jrun org.openjdk.jmh.Main ai.buywhere.bench.SearchJmh -f 1 -wi 2 -w 5s -i 3 -r 5s \
    -bm thrpt,sample -tu ms -jvmArgs -Xmx1g \
    -p dataDir="$W/sqlite34k" -p queries="$DATA/queries-bestbuy.tsv"
  load after
}

# serve DATA_DIR: starts the real server on $PORT with -Xmx1g, sets SERVER_PID and KEY
serve() {
  KEY=$(jrun ai.buywhere.app.Main keys create --tier partner --name "bench-$(date +%s)" \
    --data-dir "$1" | sed -n 's/^api key: *//p')
  SEARCH_CACHE_MAX_HITS=${SEARCH_CACHE_MAX_HITS:-0} \
  java ${SERVER_JAVA_OPTS:--Xmx1g} -cp "target/classes:$(cat cp.txt)" ai.buywhere.app.Main serve \
    --host 127.0.0.1 --port "$PORT" --data-dir "$1" >"$W/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$PORT/openapi.json" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server did not come up; see $W/server.log" >&2
  kill "$SERVER_PID"
  return 1
}

heap() {
  jcmd "$SERVER_PID" GC.run >/dev/null
  jcmd "$SERVER_PID" GC.heap_info | sed 's/^/  /'
}

stop() {
  kill "$SERVER_PID"
  wait "$SERVER_PID" || true
}

http_on() {
  serve "$1"
  echo "server pid $SERVER_PID, partner key ${KEY:0:12}…; heap after start-up and a full GC:"
  heap
  jrun ai.buywhere.bench.HttpLoadGen "http://127.0.0.1:$PORT" "$KEY" "$DATA/queries-bestbuy.tsv" \
    "$CONNS" "$HTTP_SECS" "$HTTP_SECS" ${OPEN_RATE:-}
  echo "search result cache (SEARCH_CACHE_MAX_HITS=${SEARCH_CACHE_MAX_HITS:-0}):"
  curl -fsS -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/metrics" |
    grep '^cache_[a-z_]*{cache="search"' | sed 's/^/  /' || true
  echo "heap after the load and a full GC:"
  heap
  stop
}

http() {
  phase "HTTP /v1/products/search, 34k, $CONNS connections"
  http_on "$W/sqlite34k"
  load after
}

relevance() {
  phase "relevance proxy"
  jrun ai.buywhere.bench.MatchEval "$W/sqlite34k" "$PG_JDBC" "$DATA/products.jsonl.gz" \
    "$DATA/matches.csv" dev
  jrun ai.buywhere.bench.MatchEval "$W/sqlite34k" "$PG_JDBC" "$DATA/products.jsonl.gz" \
    "$DATA/eval/matches.csv" heldout
  load after
}

scale() {
  scale_import
  scale_search
}

# scale_import: generate the synthetic catalog (once) and import it into SQLite, timed
scale_import() {
  phase "scale: synthetic catalog, $VARIANTS variants per real product, import"
  if [ ! -f "$W/synthetic-$VARIANTS.jsonl.gz" ]; then
    jrun ai.buywhere.bench.SyntheticCatalog "$DATA/products.jsonl.gz" \
      "$W/synthetic-$VARIANTS.jsonl.gz" "$VARIANTS"
  fi
  rm -rf "$W/sqlite-synth"
  jrun ai.buywhere.bench.ImportBench "$W/synthetic-$VARIANTS.jsonl.gz" "$W/sqlite-synth"
  load "after import"
}

# scale_search: the search part of scale on an already imported $W/sqlite-synth
scale_search() {
  phase "scale: in-process and HTTP search on $W/sqlite-synth"
  jrun ai.buywhere.bench.SearchBench "$W/sqlite-synth" - "$DATA/queries-bestbuy.tsv" "$SECS"
  load "after in-process"
  scale_http
}

# scale_http: the HTTP part of scale_search alone
scale_http() {
  phase "scale: HTTP search on $W/sqlite-synth, $CONNS connections"
  http_on "$W/sqlite-synth"
  load after
}

# wrk_paths: request paths of the popularity-weighted dev mix (seeded, same distribution as QueryMix)
wrk_paths() {
  python3 - "$DATA/queries-bestbuy.tsv" "$W/wrk-paths.txt" <<'PY'
import bisect, random, sys, urllib.parse
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])][1:]
rows = [r for r in rows if len(r) >= 5 and r[4] == "dev"]
cum, t = [], 0
for r in rows:
    t += max(1, int(r[1])); cum.append(t)
rnd = random.Random(20261122)
with open(sys.argv[2], "w") as f:
    for _ in range(50000):
        q = rows[bisect.bisect_right(cum, rnd.randrange(t))][0]
        f.write("/v1/products/search?country_code=US&limit=20&q=" + urllib.parse.quote_plus(q) + "\n")
PY
}

# wrk: cross-check of the closed-loop maximum with a C load generator (wrk, 2 threads, CONNS)
wrk_max() {
  phase "wrk closed loop on ${WRK_DIR:-$W/sqlite34k}, $CONNS connections"
  wrk_paths
  serve "${WRK_DIR:-$W/sqlite34k}"
  WRK_PATHS="$W/wrk-paths.txt" WRK_KEY="$KEY" wrk -t"$(( CONNS < 2 ? 1 : 2 ))" -c"$CONNS" -d5s -s scripts/bench-wrk.lua \
    "http://127.0.0.1:$PORT" >/dev/null
  WRK_PATHS="$W/wrk-paths.txt" WRK_KEY="$KEY" wrk -t"$(( CONNS < 2 ? 1 : 2 ))" -c"$CONNS" -d"${HTTP_SECS}s" --latency \
    -s scripts/bench-wrk.lua "http://127.0.0.1:$PORT"
  stop
  load after
}

phases=("$@")
[ ${#phases[@]} -eq 0 ] && phases=(build import import_jmh search jmh http relevance scale)
for p in "${phases[@]}"; do "$p"; done
