#!/usr/bin/env bash
# Profiles mcpauth under the load of bench/run.sh with Java Flight Recorder and prints where
# the CPU went, by source line (see BENCHMARKS.md, Findings). Run bench/run.sh once first: it
# installs the tools and builds the jars this uses.
#
#   bench/profile.sh tools  memory|sqlite [SECONDS]   authenticated tools/call under wrk
#   bench/profile.sh logins memory|sqlite [SECONDS]   complete OAuth logins
#
# The recording and the report stay in bench/.work/profile/.
set -euo pipefail

# shellcheck source=run.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/run.sh"

what="${1:-tools}"
store="${2:-memory}"
seconds="${3:-15}"
case "$what" in tools|logins) ;; *) die "usage: bench/profile.sh tools|logins memory|sqlite [SECONDS]" ;; esac
case "$store" in memory|sqlite) ;; *) die "the store is memory or sqlite, not $store" ;; esac

trap cleanup EXIT
dir="$work/profile"
mkdir -p "$dir" "$logs"
JAVA="$(find_java)"
jfr_file="$dir/$what-$store.jfr"
rm -rf "$work/data-profile" "$jfr_file"

start "profile-$what-$store" "ready at" "$JAVA" --enable-native-access=ALL-UNNAMED \
  "-XX:StartFlightRecording=filename=$jfr_file,settings=profile,jdk.ThreadPark#threshold=1ms,jdk.JavaMonitorEnter#threshold=1ms,jdk.VirtualThreadPinned#threshold=1ms" \
  -jar "$root/cli/target/mcpauth.jar" server --port 0 --store "$store" \
  --data-dir "$work/data-profile" --auto-approve
port="$(port_of "$ready_line")"
url="http://localhost:$port/mcp"

if [ "$what" = tools ]; then
  token="$(login "http://localhost:$port" "$url")"
  export BENCH_TOKEN="$token" BENCH_SESSION="$(open_session "$url" "$token")"
  export BENCH_BODY="$ECHO_BODY"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$bench/wrk/tools-call.lua" "$url" \
    | grep '^WRK' >&2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -s "$bench/wrk/tools-call.lua" "$url" \
    | grep '^WRK' >&2
else
  login_load "http://localhost:$port" "$url" "$LOGIN_WORKERS" "$seconds" "$LOGIN_WARMUP" >&2
fi

stop "$server_pid"    # the recording is written when the JVM exits
"$JAVA" -cp "$bench/target/mcpauth-bench.jar" dev.mcpauth.bench.JfrHotspots "$jfr_file" \
  | tee "$dir/$what-$store.txt"
