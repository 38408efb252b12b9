#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md in one run, side by side with its references:
#   1. start-up of `./mcpauth server` (sqlite with an existing store, memory), external clock
#   2. authenticated tools/call throughput and latency (wrk, 32 connections) against mcpauth
#      sqlite, mcpauth memory, a bare Helidon endpoint (the ceiling) and the TypeScript SDK's
#      OAuth example server; then latency at a fixed rate (h2load) on the same connections
#   3. complete OAuth logins per second (register + authorize with PKCE + token)
# Installs what it needs (wrk from Debian, npm packages into bench/.work/), writes the raw
# results to bench/results/latest.txt and the table to bench/results/latest.md.
# Everything listens on and talks to 127.0.0.1 only; every process it starts is stopped.
#
# Knobs (environment, defaults in brackets): BENCH_SECONDS (15), BENCH_WARMUP (5),
# BENCH_CONNECTIONS (32), BENCH_THREADS (2, wrk threads), BENCH_STARTUP_RUNS (5),
# BENCH_LOGIN_WORKERS (8), BENCH_LOGIN_SECONDS (10), BENCH_LOGIN_WARMUP (5),
# BENCH_PACED_DELAY_MS (2), BENCH_PACED_SECONDS (10), BENCH_RATE_PER_CONNECTION (requests/s per
# connection of the fixed-rate run; default: half the ceiling's saturated throughput, spread over
# the connections), BENCH_RATE_SECONDS (10), BENCH_SKIP_SDK (set: no TypeScript SDK),
# BENCH_QUIET_WAIT (seconds to wait for other processes to settle, 120), BENCH_MAX_OTHERS
# (% of the CPU other processes may take during a measurement before it is repeated, 10).
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"
work="$bench/.work"
out="$bench/results"
logs="$work/logs"

SECONDS_LOAD="${BENCH_SECONDS:-15}"
WARMUP="${BENCH_WARMUP:-5}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
STARTUP_RUNS="${BENCH_STARTUP_RUNS:-5}"
LOGIN_WORKERS="${BENCH_LOGIN_WORKERS:-8}"
LOGIN_SECONDS="${BENCH_LOGIN_SECONDS:-10}"
LOGIN_WARMUP="${BENCH_LOGIN_WARMUP:-5}"
PACED_DELAY_MS="${BENCH_PACED_DELAY_MS:-2}"
PACED_SECONDS="${BENCH_PACED_SECONDS:-10}"
RATE_PER_CONNECTION="${BENCH_RATE_PER_CONNECTION:-}"
RATE_SECONDS="${BENCH_RATE_SECONDS:-10}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-120}"
MAX_OTHERS="${BENCH_MAX_OTHERS:-10}"
SDK_VERSION="1.32.2"

ECHO_BODY='{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}'
GREET_BODY='{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"greet","arguments":{"name":"hi"}}}'
INIT_BODY='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}'
REDIRECT_URI="http://127.0.0.1:5555/"

started=()      # pids of every server this script started, stopped on exit
apt_updated=""

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

cleanup() {
  local pid
  for pid in "${started[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}

# ---------------------------------------------------------------- results file

result() { printf '%s=%s\n' "$1" "$2" >> "$out/latest.txt"; }

# result_of KEY: the last value recorded for KEY in this run.
result_of() { sed -n "s/^$1=//p" "$out/latest.txt" | tail -n 1; }

now_us() { local t="$EPOCHREALTIME"; printf '%s\n' "${t/[.,]/}"; }

# CPU accounting of a measurement window, in clock ticks: the whole machine (/proc/stat),
# the server (/proc/PID/stat) and this script's finished children, i.e. the load generator
# (the times builtin, written to a file so that it runs in this shell).
machine_ticks() {
  awk '/^cpu / { total = 0; for (i = 2; i <= 9; i++) total += $i;
                 print total, total - $5 - $6; exit }' /proc/stat
}

pid_ticks() {
  [ -r "/proc/$1/stat" ] || { echo 0; return; }
  sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# Sets $children (not printed: the times builtin must run in this shell, not a subshell).
children_ticks() {
  times > "$work/times.txt"
  children="$(awk -v hz="$(getconf CLK_TCK)" 'NR == 2 { t = 0
      for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }
      printf "%d\n", t * hz }' "$work/times.txt")"
}

# window_begin SERVER_PID ... window_end PREFIX: records which share of the machine's CPU
# time the server, the load generator and everything else used in between.
window_begin() {
  w_pid="$1"
  read -r w_total w_busy < <(machine_ticks)
  w_server="$(pid_ticks "$w_pid")"
  children_ticks
  w_client="$children"
}

# Sets w_server_pct, w_client_pct and w_others_pct for the window since window_begin.
window_measure() {
  local total busy server client others
  read -r total busy < <(machine_ticks)
  server=$(( $(pid_ticks "$w_pid") - w_server ))
  children_ticks
  client=$(( children - w_client ))
  total=$(( total - w_total ))
  busy=$(( busy - w_busy ))
  [ "$total" -gt 0 ] || total=1
  others=$(( busy - server - client ))
  w_server_pct=$(( 100 * server / total ))
  w_client_pct=$(( 100 * client / total ))
  w_others_pct=$(( others > 0 ? 100 * others / total : 0 ))
}

window_end() {
  window_measure
  result "$1.cpu_server_pct" "$w_server_pct"
  result "$1.cpu_client_pct" "$w_client_pct"
  result "$1.cpu_others_pct" "$w_others_pct"
}

# await_quiet [SERVER_PID]: waits (at most $QUIET_WAIT s) until processes other than this
# script's own use at most $MAX_OTHERS % of the CPU over a 2 s sample (left in w_others_pct).
await_quiet() {
  local waited=0
  while :; do
    window_begin "${1:-0}"
    sleep 2
    window_measure
    [ "$w_others_pct" -le "$MAX_OTHERS" ] && break
    if [ "$waited" -ge "$QUIET_WAIT" ]; then
      say "other processes still use ${w_others_pct}% of the CPU; measuring anyway (noted)"
      break
    fi
    say "other processes use ${w_others_pct}% of the CPU; waiting for them to settle"
    sleep 5
    waited=$(( waited + 7 ))
  done
}

# measured PREFIX SERVER_PID CMD...: runs CMD as a measurement, again (up to 3 times in all)
# while other processes took more than $MAX_OTHERS % of the CPU during it. Every attempt is
# recorded; the last one counts.
measured() {
  local prefix="$1" pid="$2" attempt
  shift 2
  for attempt in 1 2 3; do
    await_quiet "$pid"
    result "$prefix.loadavg" "$(cut -d' ' -f1-3 /proc/loadavg)"
    result "$prefix.cpu_others_before_pct" "$w_others_pct"
    window_begin "$pid"
    "$@"
    window_end "$prefix"
    result "$prefix.attempts" "$attempt"
    [ "$w_others_pct" -le "$MAX_OTHERS" ] && return
    say "other processes took ${w_others_pct}% of the CPU during $prefix; measuring again"
  done
}

# ---------------------------------------------------------------- tools

apt_install() {
  local pkgs=("$@")
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ -z "$apt_updated" ]; then
    $sudo apt-get update -qq >&2
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${pkgs[@]}" >&2
}

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

find_java() {
  local best="" best_version=0 candidate version
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java \
                   "$(command -v java || true)"; do
    [ -x "$candidate" ] || continue
    version="$(java_major "$candidate")"
    if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate" best_version="$version"
    fi
  done
  [ -n "$best" ] || die "no JDK 21 or newer found (JAVA_HOME, /usr/lib/jvm, PATH)"
  printf '%s\n' "$best"
}

install_tools() {
  command -v wrk >/dev/null 2>&1 || { say "installing wrk"; apt_install wrk; }
  command -v h2load >/dev/null 2>&1 || { say "installing h2load"; apt_install nghttp2-client; }
  command -v curl >/dev/null 2>&1 || { say "installing curl"; apt_install curl; }
  command -v openssl >/dev/null 2>&1 || { say "installing openssl"; apt_install openssl; }
  [ -n "${BENCH_SKIP_SDK:-}" ] && return
  command -v npm >/dev/null 2>&1 || { say "installing nodejs and npm"; apt_install nodejs npm; }
  local installed
  local manifest="$work/npm/node_modules/@modelcontextprotocol/sdk/package.json"
  installed=""
  if [ -f "$manifest" ]; then
    installed="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$manifest" | head -n 1)"
  fi
  if [ "$installed" != "$SDK_VERSION" ]; then
    say "installing @modelcontextprotocol/sdk@$SDK_VERSION into $work/npm"
    mkdir -p "$work/npm"
    [ -f "$work/npm/package.json" ] \
      || printf '{"name":"mcpauth-bench-work","private":true}\n' > "$work/npm/package.json"
    (cd "$work/npm" && npm install --no-audit --no-fund --loglevel=error \
      "@modelcontextprotocol/sdk@$SDK_VERSION" >&2)
  fi
}

build() {
  say "building mcpauth and the bench module"
  (cd "$root" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" \
    ./mvnw -q -B -Pbench -DskipTests package >&2)
  # The launcher rebuilds (and touches the jar) if a source or pom is still newer than it.
  "$root/mcpauth" --version >/dev/null 2>"$logs/launcher-check.err"
  "$root/mcpauth" --version >/dev/null 2>"$logs/launcher-check.err"
  if grep -q building "$logs/launcher-check.err"; then
    die "./mcpauth still wants to rebuild after the build; start-up figures would be wrong"
  fi
}

# The launcher trains its class-data caches in the background after a build: a first server
# start triggers the server cache. Start-up is timed once no training is running.
train_launcher_caches() {
  say "letting the launcher train its caches"
  start cache-training "ready at" mcpauth_server --store memory
  stop "$server_pid"
  local waited=0
  while compgen -G "$root/cli/target/*.lock" > /dev/null; do
    [ "$waited" -lt 600 ] || die "the launcher's cache training did not finish in 600 s"
    sleep 2
    waited=$(( waited + 2 ))
  done
  result "startup.launcher_caches" "$(cd "$root/cli/target" && ls -- *.aot *.jsa 2>/dev/null \
    | tr '\n' ' ')"
}

# ---------------------------------------------------------------- processes

free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# start NAME READY_PATTERN CMD...: starts CMD with its output in $logs/NAME.log, waits for
# READY_PATTERN, sets $server_pid and $ready_line.
start() {
  local name="$1" pattern="$2"
  shift 2
  : > "$logs/$name.log"
  "$@" > "$logs/$name.log" 2>&1 &
  server_pid=$!
  started+=("$server_pid")
  wait_for_line "$name" "$pattern"
}

# wait_for_line NAME PATTERN: waits until $logs/NAME.log has PATTERN; sets $ready_line.
wait_for_line() {
  local log="$logs/$1.log" deadline=$(( $(date +%s) + 60 ))
  while ! ready_line="$(grep -m1 -E "$2" "$log")"; do
    kill -0 "$server_pid" 2>/dev/null || die "$1 exited before it was ready; see $log"
    [ "$(date +%s)" -lt "$deadline" ] || die "$1 not ready within 60 s; see $log"
    sleep 0.05
  done
}

stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

port_of() { sed -n 's|.*http://localhost:\([0-9][0-9]*\)/.*|\1|p' <<< "$1" | head -n 1; }

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

# The server functions exec, so that when started with & their pid is the server's own.
mcpauth_server() {
  exec "$root/mcpauth" server --port 0 "$@"
}

bare_endpoint() {
  exec "$JAVA" -cp "$bench/target/mcpauth-bench.jar:$bench/target/lib/*" \
    dev.mcpauth.bench.BareEndpoint "$@"
}

login_load() {
  "$JAVA" -cp "$bench/target/mcpauth-bench.jar:$bench/target/lib/*" \
    dev.mcpauth.bench.LoginLoad "$@"
}

# sdk_server MCP_PORT AUTH_PORT: the SDK's example, unchanged, with bench/sdk/preload.mjs.
sdk_server() {
  cd "$work/npm"
  MCP_PORT="$1" MCP_AUTH_PORT="$2" exec node --import "$bench/sdk/preload.mjs" \
    node_modules/@modelcontextprotocol/sdk/dist/esm/examples/server/simpleStreamableHttp.js \
    --oauth
}

# start_sdk PREFIX: the SDK example on two free ports; sets $mcp_port and $auth_port.
start_sdk() {
  mcp_port="$(free_port)"
  auth_port="$(free_port)"
  while [ "$auth_port" = "$mcp_port" ]; do auth_port="$(free_port)"; done
  start "$1" "MCP Streamable HTTP Server listening" sdk_server "$mcp_port" "$auth_port"
  wait_for_line "$1" "OAuth Authorization Server listening"
}

# ---------------------------------------------------------------- the OAuth flow with curl

urlencode() {
  local s="$1" encoded="" c i
  for (( i = 0; i < ${#s}; i++ )); do
    c="${s:i:1}"
    case "$c" in
      [a-zA-Z0-9.~_-]) encoded+="$c" ;;
      *) printf -v c '%%%02X' "'$c"; encoded+="$c" ;;
    esac
  done
  printf '%s\n' "$encoded"
}

json_field() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" <<< "$2" | head -n 1; }

# login ISSUER RESOURCE: registers, authorizes with PKCE and redeems the code; prints the token.
login() {
  local issuer="${1%/}" resource="$2"
  local reg client_id verifier challenge location code token
  reg="$(curl -sf -X POST "$issuer/register" -H 'Content-Type: application/json' -d \
    "{\"client_name\":\"bench\",\"redirect_uris\":[\"$REDIRECT_URI\"],\"token_endpoint_auth_method\":\"none\"}")"
  client_id="$(json_field client_id "$reg")"
  verifier="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  challenge="$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 \
    | tr '+/' '-_' | tr -d '=\n')"
  location="$(curl -s -o /dev/null -w '%{redirect_url}' "$issuer/authorize?response_type=code&client_id=$client_id&redirect_uri=$(urlencode "$REDIRECT_URI")&code_challenge=$challenge&code_challenge_method=S256&state=bench&resource=$(urlencode "$resource")")"
  code="$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<< "$location")"
  [ -n "$code" ] || die "no code from $issuer/authorize: '$location'"
  token="$(curl -sf -X POST "$issuer/token" --data-urlencode grant_type=authorization_code \
    --data-urlencode "code=$code" --data-urlencode "client_id=$client_id" \
    --data-urlencode "code_verifier=$verifier" --data-urlencode "redirect_uri=$REDIRECT_URI" \
    --data-urlencode "resource=$resource")"
  json_field access_token "$token"
}

# open_session URL TOKEN: initialize + notifications/initialized; prints the session id.
open_session() {
  local headers session
  headers="$(curl -s -o /dev/null -D - -X POST "$1" -H "Authorization: Bearer $2" \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -d "$INIT_BODY")"
  session="$(sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: *\([^[:space:]]*\).*/\1/p' <<< "$headers")"
  [ -n "$session" ] || die "initialize on $1 gave no session: $headers"
  curl -s -o /dev/null -X POST "$1" -H "Authorization: Bearer $2" -H "Mcp-Session-Id: $session" \
    -H 'MCP-Protocol-Version: 2025-11-25' -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  printf '%s\n' "$session"
}

# ---------------------------------------------------------------- 1. start-up

# time_startup KEY CMD...: runs CMD $STARTUP_RUNS times, each until its ready line; records
# the external time (clock read before the fork, to the ready line on the pipe) and the
# process's own figure from the ready line. A run during which other processes took more than
# $MAX_OTHERS % of the CPU is repeated (up to 3 times in all).
time_startup() {
  local key="$1"
  shift
  local externals=() owns=() others=() run attempt
  for run in $(seq "$STARTUP_RUNS"); do
    for attempt in 1 2 3; do
      await_quiet 0
      window_begin 0
      start_once "$key" "$@"
      window_measure
      [ "$w_others_pct" -le "$MAX_OTHERS" ] && break
      say "other processes took ${w_others_pct}% of the CPU during a start of $key; again"
    done
    externals+=("$once_external")
    owns+=("$once_own")
    others+=("$w_others_pct")
    [ "$run" -eq 1 ] && result "startup.$key.ready_line" "${once_line#*INFO  }"
  done
  result "startup.$key.external_ms_runs" "${externals[*]}"
  result "startup.$key.external_ms_median" "$(median "${externals[@]}")"
  result "startup.$key.own_ms_runs" "${owns[*]}"
  result "startup.$key.own_ms_median" "$(median "${owns[@]}")"
  result "startup.$key.cpu_others_pct_runs" "${others[*]}"
  say "start-up $key: external ${externals[*]} ms; own ${owns[*]} ms"
}

# start_once KEY CMD...: one start, stopped at its ready line; sets once_external (ms),
# once_own (ms, from the ready line) and once_line.
start_once() {
  local key="$1" fifo="$work/startup.fifo" fd t0 t1="" line pid
  shift
  rm -f "$fifo"
  mkfifo "$fifo"
  exec {fd}<>"$fifo"
  t0="$(now_us)"
  "$@" > /dev/null 2> "$fifo" &
  pid=$!
  started+=("$pid")
  while IFS= read -r -t 60 -u "$fd" line; do
    if [[ "$line" == *"ready at"* ]]; then
      t1="$(now_us)"
      break
    fi
  done
  stop "$pid"
  exec {fd}<&-
  rm -f "$fifo"
  [ -n "$t1" ] || die "$key: no ready line within 60 s"
  once_external=$(( (t1 - t0) / 1000 ))
  once_own="$(sed -n 's/.* in \([0-9][0-9]*\) ms.*/\1/p' <<< "$line")"
  once_line="$line"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure_startup() {
  say "1. start-up, $STARTUP_RUNS runs each"
  train_launcher_caches
  await_quiet 0
  result "startup.loadavg" "$(cut -d' ' -f1-3 /proc/loadavg)"
  local data="$work/data-startup"
  rm -rf "$data"

  # An existing store: one server run that took real logins.
  start seed-store "ready at" mcpauth_server --store sqlite --data-dir "$data" --auto-approve
  login_load "http://localhost:$(port_of "$ready_line")" \
    "http://localhost:$(port_of "$ready_line")/mcp" 2 3 0 > "$logs/seed-store.load" 2>&1
  stop "$server_pid"

  time_startup mcpauth_sqlite "$root/mcpauth" server --port 0 --store sqlite --data-dir "$data"
  time_startup mcpauth_memory "$root/mcpauth" server --port 0 --store memory
  time_startup mcpauth_memory_no_cache env MCPAUTH_NO_CACHE=1 "$root/mcpauth" server --port 0 \
    --store memory
  time_startup bare_helidon bare_endpoint 0 startup-token
}

# ---------------------------------------------------------------- 2. tools/call

# load KEY URL TOKEN SESSION BODY EXPECT: checks one call by hand, warms up, then measures.
load() {
  local key="$1" url="$2" token="$3" session="$4" body="$5" expect="$6"
  local probe
  probe="$(curl -s -X POST "$url" -H "Authorization: Bearer $token" \
    ${session:+-H "Mcp-Session-Id: $session"} -H 'MCP-Protocol-Version: 2025-11-25' \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -d "$body")"
  [[ "$probe" == *"$expect"* ]] || die "$key: unexpected tools/call answer: $probe"
  result "tools.$key.probe" "$(tr -d '\r\n' <<< "$probe" | cut -c1-160)"

  export BENCH_TOKEN="$token" BENCH_SESSION="$session" BENCH_BODY="$body" BENCH_DELAY_MS=0
  local wrk_args=(-t"$THREADS" -c"$CONNECTIONS" -s "$bench/wrk/tools-call.lua" "$url")
  wrk -d"${WARMUP}s" "${wrk_args[@]}" > "$logs/wrk-$key-warmup.txt"
  measured "tools.$key" "$server_pid" \
    wrk -d"${SECONDS_LOAD}s" --latency "${wrk_args[@]}" > "$logs/wrk-$key.txt"
  record_wrk "tools.$key" "$logs/wrk-$key.txt"

  # The same connections, each pausing between requests: latency below saturation.
  export BENCH_DELAY_MS="$PACED_DELAY_MS"
  measured "tools.$key.paced" "$server_pid" \
    wrk -d"${PACED_SECONDS}s" --latency "${wrk_args[@]}" > "$logs/wrk-$key-paced.txt"
  record_wrk "tools.$key.paced" "$logs/wrk-$key-paced.txt"

  # A fixed rate on the same connections: half of what the ceiling served at saturation, the
  # throughput the target asks of mcpauth, so that its p99 is measured at that throughput. The
  # ceiling runs first and sets the rate. The TS SDK example serves about 1 000 requests/s; at
  # this rate it would only queue, so it is left out.
  [ "$key" = ts_sdk ] && return
  if [ -z "$RATE_PER_CONNECTION" ]; then
    [ "$key" = bare_helidon ] || die "the ceiling must run first: it sets the fixed rate"
    RATE_PER_CONNECTION="$(awk -v rps="$(result_of "tools.bare_helidon.rps")" \
      -v c="$CONNECTIONS" 'BEGIN { r = rps / 2 / c; printf "%d", (r == int(r)) ? r : int(r) + 1 }')"
  fi
  result "tools.rate_per_connection" "$RATE_PER_CONNECTION"
  result "tools.rate_total" "$(( RATE_PER_CONNECTION * CONNECTIONS ))"
  printf '%s' "$body" > "$work/body-$key.json"
  rm -f "$logs/h2load-$key.log"
  measured "tools.$key.rate" "$server_pid" \
    h2load --h1 -c "$CONNECTIONS" -t 1 --rps "$RATE_PER_CONNECTION" -D "$RATE_SECONDS" \
      --warm-up-time 2 -d "$work/body-$key.json" -H "Authorization: Bearer $token" \
      ${session:+-H "Mcp-Session-Id: $session"} -H 'MCP-Protocol-Version: 2025-11-25' \
      -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
      --log-file="$logs/h2load-$key.log" "$url" > "$logs/h2load-$key.txt" 2>&1
  record_h2load "tools.$key.rate" "$logs/h2load-$key.txt" "$logs/h2load-$key.log"
}

# record_h2load PREFIX OUTPUT LOG: achieved rate from h2load's summary, latency percentiles from
# its per-request log (start time in us, status, time to response in us).
record_h2load() {
  local rps summary
  rps="$(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$2" | tail -n 1)"
  [ -n "$rps" ] && [ -s "$3" ] || die "$1: h2load printed no summary; see $2"
  summary="$(awk '{ print $3 }' "$3" | sort -n | awk -v rps="$rps" \
    -v bad="$(awk '$2 < 200 || $2 > 299' "$3" | wc -l)" '
      { v[NR] = $1 }
      function at(q) { i = int(NR * q); if (i < 1) i = 1; return v[i] / 1000 }
      END { printf "requests=%d rps=%s p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f " \
              "max_ms=%.3f non2xx=%d\n", NR, rps, at(0.5), at(0.9), at(0.99), at(0.999), \
              v[NR] / 1000, bad }')"
  result "$1.h2load" "$summary"
  local field
  for field in requests rps p50_ms p90_ms p99_ms p999_ms max_ms non2xx; do
    result "$1.$field" "$(sed -n "s/.* $field=\([^ ]*\).*/\1/p" <<< " $summary")"
  done
  say "tools/call $1: $summary"
}

# record_wrk PREFIX FILE: the summary line of tools-call.lua as results.
record_wrk() {
  local summary field
  summary="$(grep '^WRK ' "$2" | tail -n 1)"
  [ -n "$summary" ] || die "$1: wrk printed no summary; see $2"
  summary="${summary#WRK }"
  result "$1.wrk" "$summary"
  for field in rps p50_ms p90_ms p99_ms max_ms non2xx socket_errors; do
    result "$1.$field" "$(sed -n "s/.* $field=\([^ ]*\).*/\1/p" <<< " $summary")"
  done
  say "tools/call $1: $summary"
}

measure_tools_call() {
  say "2. tools/call, $CONNECTIONS connections, ${WARMUP}s warm-up + ${SECONDS_LOAD}s measured"
  local store port url token

  # The ceiling first: its saturated throughput sets the rate of every fixed-rate run.
  token="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  start bare-tools "ready at" bare_endpoint 0 "$token"
  load bare_helidon "http://localhost:$(port_of "$ready_line")/mcp" "$token" "" "$ECHO_BODY" \
    '"text":"hi"'
  result "tools.bare_helidon.rss_mb" "$(rss_mb "$server_pid")"
  stop "$server_pid"

  for store in sqlite memory; do
    rm -rf "$work/data-load"
    start "mcpauth-$store-tools" "ready at" mcpauth_server --store "$store" \
      --data-dir "$work/data-load" --auto-approve
    port="$(port_of "$ready_line")"
    url="http://localhost:$port/mcp"
    token="$(login "http://localhost:$port" "$url")"
    load "mcpauth_$store" "$url" "$token" "$(open_session "$url" "$token")" "$ECHO_BODY" \
      '"text":"hi"'
    result "tools.mcpauth_$store.rss_mb" "$(rss_mb "$server_pid")"
    stop "$server_pid"
  done

  [ -n "${BENCH_SKIP_SDK:-}" ] && return
  start_sdk sdk-tools
  url="http://localhost:$mcp_port/mcp"
  token="$(login "http://localhost:$auth_port" "$url")"
  load ts_sdk "$url" "$token" "$(open_session "$url" "$token")" "$GREET_BODY" 'Hello, hi!'
  result "tools.ts_sdk.rss_mb" "$(rss_mb "$server_pid")"
  stop "$server_pid"
}

# ---------------------------------------------------------------- 3. logins

logins() {
  local key="$1" issuer="$2" resource="$3" line
  measured "logins.$key" "$server_pid" login_load "$issuer" "$resource" "$LOGIN_WORKERS" \
    "$LOGIN_SECONDS" "$LOGIN_WARMUP" > "$logs/logins-$key.txt" 2> "$logs/logins-$key.err" \
    || die "$key: login load failed; see $logs/logins-$key.err"
  line="$(grep '^logins=' "$logs/logins-$key.txt" | tail -n 1)"
  [ -n "$line" ] || die "$key: the login load printed no summary; see $logs/logins-$key.err"
  result "logins.$key.summary" "$line"
  local field
  for field in logins_per_s p50_ms p99_ms errors reconnects; do
    result "logins.$key.$field" "$(sed -n "s/.* $field=\([^ ]*\).*/\1/p" <<< " $line")"
  done
  say "logins $key: $line"
}

measure_logins() {
  say "3. OAuth logins, $LOGIN_WORKERS workers, ${LOGIN_WARMUP}s warm-up + ${LOGIN_SECONDS}s"
  local store port
  for store in memory sqlite; do
    rm -rf "$work/data-logins"
    start "mcpauth-$store-logins" "ready at" mcpauth_server --store "$store" \
      --data-dir "$work/data-logins" --auto-approve
    port="$(port_of "$ready_line")"
    logins "mcpauth_$store" "http://localhost:$port" "http://localhost:$port/mcp"
    result "logins.mcpauth_$store.rss_mb" "$(rss_mb "$server_pid")"
    stop "$server_pid"
  done

  [ -n "${BENCH_SKIP_SDK:-}" ] && return
  start_sdk sdk-logins
  logins ts_sdk "http://localhost:$auth_port" "http://localhost:$mcp_port/mcp"
  result "logins.ts_sdk.rss_mb" "$(rss_mb "$server_pid")"
  stop "$server_pid"
}

# ---------------------------------------------------------------- main

main() {
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  mkdir -p "$work" "$out" "$logs"
  install_tools
  JAVA="$(find_java)"
  build

  : > "$out/latest.txt"
  result "run.date" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  result "run.commit" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  result "run.command" "bench/run.sh"
  result "machine.nproc" "$(nproc)"
  result "machine.cpu" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  result "machine.mem_mb" "$(awk '/MemTotal/ { printf "%.0f", $2 / 1024 }' /proc/meminfo)"
  result "machine.kernel" "$(uname -r)"
  result "machine.jdk" "$("$JAVA" -version 2>&1 | sed -n 2p)"
  result "machine.node" "$(node --version 2>/dev/null || echo none)"
  result "machine.wrk" "$(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2)"
  result "machine.h2load" "$(h2load --version 2>&1 | head -n 1)"
  result "settings" "threads=$THREADS connections=$CONNECTIONS seconds=$SECONDS_LOAD warmup=$WARMUP startup_runs=$STARTUP_RUNS login_workers=$LOGIN_WORKERS login_seconds=$LOGIN_SECONDS login_warmup=$LOGIN_WARMUP paced_delay_ms=$PACED_DELAY_MS paced_seconds=$PACED_SECONDS rate_per_connection=${RATE_PER_CONNECTION:-auto} rate_seconds=$RATE_SECONDS sdk=$SDK_VERSION"

  measure_startup
  measure_tools_call
  measure_logins
  result "run.loadavg_at_end" "$(cut -d' ' -f1-3 /proc/loadavg)"

  "$JAVA" -cp "$bench/target/mcpauth-bench.jar" dev.mcpauth.bench.ResultsTable \
    "$out/latest.txt" > "$out/latest.md"
  cat "$out/latest.md"
}

# Sourcing this file (as bench/profile.sh does) defines the functions without running.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
