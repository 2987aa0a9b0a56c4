#!/usr/bin/env bash
# A throw-away Virtuoso (Debian's virtuoso-opensource) on loopback, for the external-store tests:
#   .ci/virtuoso.sh start   creates a fresh database in a temp folder, starts virtuoso-t in the
#                           background and waits until its SPARQL endpoint answers;
#   .ci/virtuoso.sh stop    stops it (by the process id it recorded) and removes the folder.
# Ports: VIRTUOSO_HTTP_PORT (default 8890) and VIRTUOSO_SQL_PORT (default 1111), both on 127.0.0.1.
# VIRTUOSO_STATE (default /tmp/rcp-virtuoso.state) names the file that records the database folder; the
# folder holds `pid`, the process id of virtuoso-t.
# Sizing, for larger datasets than the tests' (the scale benchmark gives it gigabytes): VIRTUOSO_BUFFERS
# (NumberOfBuffers, 8 KB pages; default 20000, about 160 MB), VIRTUOSO_DIRTY_BUFFERS (MaxDirtyBuffers;
# default 15000, three quarters of the buffers) and VIRTUOSO_QUERY_SECONDS (MaxQueryExecutionTime;
# default 10); VIRTUOSO_PARENT (default /tmp) is where the database folder is made.
# The database's administrator is dba/dba, as Virtuoso creates it: loopback only, for tests only.
set -euo pipefail
state=${VIRTUOSO_STATE:-/tmp/rcp-virtuoso.state}
http_port=${VIRTUOSO_HTTP_PORT:-8890}
sql_port=${VIRTUOSO_SQL_PORT:-1111}
buffers=${VIRTUOSO_BUFFERS:-20000}
dirty_buffers=${VIRTUOSO_DIRTY_BUFFERS:-$((buffers * 3 / 4))}
query_seconds=${VIRTUOSO_QUERY_SECONDS:-10}
for knob in "$buffers" "$dirty_buffers" "$query_seconds"; do
  case "$knob" in ''|*[!0-9]*) echo "virtuoso.sh: VIRTUOSO_BUFFERS, VIRTUOSO_DIRTY_BUFFERS and VIRTUOSO_QUERY_SECONDS must be whole numbers" >&2; exit 2 ;; esac
done

start() {
  # A run that was killed leaves its state behind: stop what it started before starting afresh.
  if [ -f "$state" ]; then echo "virtuoso.sh: stopping the one an earlier run left ($state)" >&2; stop; fi
  dir=$(mktemp -d "${VIRTUOSO_PARENT:-/tmp}/rcp-virtuoso.XXXXXX")
  # Buffers are kept small by default (about 160 MB): the tests' dataset is a few hundred thousand quads
  # and the CI machine is shared. ResultSetMaxRows and MaxSortedTopRows (ORDER BY with LIMIT) are raised because
  # the server, not the store, caps answers: it asks for RESULT_LIMIT + 1 rows.
  cat > "$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $dir
NumberOfBuffers      = $buffers
MaxDirtyBuffers      = $dirty_buffers
ThreadsPerQuery      = 2
MaxQueryMem          = 512M
MaxSortedTopRows     = 1000000

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads        = 10
MaxKeepAlives        = 10
KeepAliveTimeout     = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = $query_seconds
EOF
  # exec: the recorded process id is Virtuoso's own, so stop ends exactly it.
  (cd "$dir" && exec virtuoso-t +configfile "$dir/virtuoso.ini" +foreground > "$dir/stdout.log" 2>&1) &
  echo $! > "$dir/pid"
  printf '%s\n' "$dir" > "$state"
  for _ in $(seq 1 120); do
    if curl -sf -o /dev/null "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D"; then
      echo "virtuoso: SPARQL at http://127.0.0.1:$http_port/sparql (database in $dir)"
      return 0
    fi
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then break; fi
    sleep 1
  done
  echo "virtuoso.sh: Virtuoso did not answer; its log:" >&2
  tail -n 30 "$dir/virtuoso.log" "$dir/stdout.log" >&2 || true
  stop
  exit 1
}

stop() {
  [ -f "$state" ] || return 0
  dir=$(cat "$state")
  if [ -f "$dir/pid" ]; then
    pid=$(cat "$dir/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir" "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
