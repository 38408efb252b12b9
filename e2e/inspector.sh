#!/usr/bin/env bash
# End-to-end check of `mcpauth server` with a client nobody here wrote: the official
# MCP Inspector CLI (npm @modelcontextprotocol/inspector 2.x, on Node 22 from npm node@22).
#
#   1. installs (once) Node 22 and the inspector into e2e/.work/npm with npm;
#   2. sqlite store: starts `./mcpauth server --auto-approve`, lets the inspector log in
#      (DCR + PKCE authorization code; this script plays the browser with curl), lists the
#      tools, calls `whoami` with the stored token, restarts the server on the same data
#      dir and port, and checks that the stored token still works with no new login;
#   3. memory store: the same login, then a restart, and checks that the stored token is
#      now rejected with 401 (the bug mcpauth exists to fix, reproduced on purpose).
#
# Prints one PASS/FAIL line per check and then "N passed, M failed"; exits 1 on any
# failure (2 if another run holds the lock). Everything it writes stays under e2e/.work
# (the inspector runs with HOME there); servers and the OAuth callback listen on loopback.
#
# Environment: INSPECTOR_VERSION (default 2.12.0), NODE_VERSION (default 22.23.3),
# E2E_KEEP_LOGS=1 to print where the logs are even on success.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/e2e/.work"
NPM_DIR="$WORK/npm"
RUN="$WORK/run"
LOGS="$RUN/logs"
INSPECTOR_VERSION="${INSPECTOR_VERSION:-2.12.0}"
NODE_VERSION="${NODE_VERSION:-22.23.3}"

NODE="$NPM_DIR/node_modules/node/bin/node"
INSPECTOR_PKG="$NPM_DIR/node_modules/@modelcontextprotocol/inspector"
INSPECTOR_JS="$INSPECTOR_PKG/clients/launcher/build/index.js"

# Timeouts (seconds). No single wait below can exceed ~2 minutes, except the one-off
# install and build steps, which download from the registries on a fresh machine.
T_INSTALL=300      # npm install of node@22 + inspector
T_BUILD=300        # ./mcpauth builds the jar on first use
T_READY=60         # server start until its "ready" line
T_STOP=15          # server stop (TERM, then KILL)
T_INSPECTOR=90     # one inspector invocation, login included
T_AUTH_URL=60      # until the inspector prints the authorization URL
T_BROWSER=20       # the curl "browser"

mkdir -p "$WORK"
exec 9>"$WORK/.lock"
if ! flock -w 10 9; then
  echo "inspector.sh: another run holds $WORK/.lock" >&2
  exit 2
fi

# ---------------------------------------------------------------------------------------
# bookkeeping

START=$SECONDS
PIDS=()            # every background process this script starts
RESULTS=()
PASSED=0
FAILED=0

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null
  done
}
trap cleanup EXIT
trap 'echo "inspector.sh: interrupted" >&2; exit 130' INT TERM

say() { printf '== %s\n' "$*" >&2; }

check() {  # check NAME OK(0/1) [DETAIL]
  local name="$1" ok="$2" detail="${3:-}"
  if [ "$ok" -eq 0 ]; then
    RESULTS+=("PASS  $name${detail:+  ($detail)}")
    PASSED=$((PASSED + 1))
  else
    RESULTS+=("FAIL  $name${detail:+  ($detail)}")
    FAILED=$((FAILED + 1))
  fi
  printf '   %s\n' "${RESULTS[-1]}" >&2
  return "$ok"
}

summary() {
  echo
  echo "mcpauth e2e: MCP Inspector $INSPECTOR_VERSION (Node $NODE_VERSION) against ./mcpauth server"
  local line
  for line in "${RESULTS[@]}"; do
    echo "$line"
  done
  if [ "$FAILED" -gt 0 ] || [ "${E2E_KEEP_LOGS:-}" = 1 ]; then
    echo "logs: $LOGS"
  fi
  echo "took $((SECONDS - START)) s"
  echo "$PASSED passed, $FAILED failed"
}

finish() {
  summary
  [ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
  exit $?
}

show_tail() {  # show_tail FILE: the last lines of a log, indented, on stderr
  [ -f "$1" ] || return 0
  echo "   --- last lines of ${1#"$ROOT"/} ---" >&2
  tail -n 15 "$1" | sed 's/^/   | /' >&2
}

# json FILE EXPR: evaluates EXPR (a JS expression over `j`, the parsed file) with Node;
# prints the value (empty if the file is no JSON or the expression fails).
json() {
  "$NODE" -e '
    const fs = require("fs");
    let j;
    try { j = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch { process.exit(0); }
    let v;
    try { v = eval(process.argv[2]); } catch { process.exit(0); }
    if (v !== undefined && v !== null) process.stdout.write(typeof v === "string" ? v : JSON.stringify(v));
  ' "$1" "$2" 2>/dev/null
}

free_port() {
  "$NODE" -e '
    const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port)); s.close(); });
  '
}

# ---------------------------------------------------------------------------------------
# step 1: tools

tools_ok() {
  [ -x "$NODE" ] && [ -f "$INSPECTOR_JS" ] || return 1
  [ "$("$NODE" --version 2>/dev/null)" = "v$NODE_VERSION" ] || return 1
  [ "$("$NODE" -p 'require(process.argv[1]).version' "$INSPECTOR_PKG/package.json" 2>/dev/null)" \
    = "$INSPECTOR_VERSION" ] || return 1
}

install_tools() {
  tools_ok && return 0
  say "installing node@$NODE_VERSION and @modelcontextprotocol/inspector@$INSPECTOR_VERSION into ${NPM_DIR#"$ROOT"/}"
  mkdir -p "$NPM_DIR" "$WORK/npm-cache"
  cat > "$NPM_DIR/package.json" <<EOF
{
  "name": "mcpauth-e2e-tools",
  "private": true,
  "description": "Installed by e2e/inspector.sh; not part of the project.",
  "dependencies": {
    "node": "$NODE_VERSION",
    "@modelcontextprotocol/inspector": "$INSPECTOR_VERSION"
  }
}
EOF
  rm -f "$NPM_DIR/package-lock.json"
  # The machine's npm (Node 20) installs; the inspector's engines want Node >= 22.19,
  # which only matters at run time, where Node 22 from node@22 runs it.
  (cd "$NPM_DIR" && npm_config_cache="$WORK/npm-cache" npm_config_update_notifier=false \
    timeout -k 10 "$T_INSTALL" npm install --no-audit --no-fund --loglevel=error) \
    > "$LOGS/npm-install.log" 2>&1
  tools_ok
}

# ---------------------------------------------------------------------------------------
# servers

SERVER_PID=""
SERVER_PORT=""
SERVER_LOG=""

# start_server LOGNAME PORT STORE DATADIR: starts ./mcpauth server and waits until ready.
start_server() {
  local name="$1" port="$2" store="$3" data="$4"
  SERVER_LOG="$LOGS/$name.log"
  mkdir -p "$data"
  (cd "$ROOT" && exec env JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$RUN/tmp" \
      ./mcpauth server --host 127.0.0.1 --port "$port" --store "$store" --data-dir "$data" \
      --auto-approve) > "$SERVER_LOG" 2>&1 < /dev/null &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  local deadline=$((SECONDS + T_READY)) line
  while [ "$SECONDS" -lt "$deadline" ]; do
    line="$(grep -m 1 'mcpauth server ready at' "$SERVER_LOG" 2>/dev/null)"
    if [ -n "$line" ]; then
      SERVER_PORT="$(printf '%s\n' "$line" | sed -n 's|.*ready at http://[^:/]*:\([0-9][0-9]*\)/.*|\1|p')"
      [ -n "$SERVER_PORT" ] && return 0
      return 1
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null
  local deadline=$((SECONDS + T_STOP))
  while kill -0 "$SERVER_PID" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
    sleep 0.2
  done
  kill -KILL "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
}

# server_log_grep ERE: lines of the current server log matching ERE
server_log_grep() { grep -E "$1" "$SERVER_LOG" 2>/dev/null; }

# ---------------------------------------------------------------------------------------
# the inspector

CALLBACK_PORT=""

# inspector OUT ERR ARGS...: one inspector CLI run, in the foreground, bounded.
inspector() {
  local out="$1" err="$2"
  shift 2
  (cd "$RUN/wd" && exec env HOME="$RUN/home" TMPDIR="$RUN/tmp" \
      PATH="$(dirname "$NODE"):$PATH" NO_COLOR=1 \
      MCP_INSPECTOR_SECRET_STORE=file MCP_AUTO_OPEN_ENABLED=false \
      timeout -k 5 "$T_INSPECTOR" "$NODE" "$INSPECTOR_JS" --cli "$@") \
      > "$out" 2> "$err" < /dev/null
}

# login NAME URL ARGS...: an inspector run that needs an interactive OAuth login. The
# inspector prints the authorization URL (MCP_AUTO_OPEN_ENABLED=true and no TTY) and
# waits on its loopback callback; curl plays the browser and follows the auto-approving
# server's redirect to that callback. Sets LOGIN_RC, LOGIN_OUT, LOGIN_ERR, AUTH_URL.
login() {
  local name="$1" url="$2"
  shift 2
  LOGIN_OUT="$LOGS/$name.out" LOGIN_ERR="$LOGS/$name.err" AUTH_URL=""
  (cd "$RUN/wd" && exec env HOME="$RUN/home" TMPDIR="$RUN/tmp" \
      PATH="$(dirname "$NODE"):$PATH" NO_COLOR=1 \
      MCP_INSPECTOR_SECRET_STORE=file MCP_AUTO_OPEN_ENABLED=true \
      timeout -k 5 "$T_INSPECTOR" "$NODE" "$INSPECTOR_JS" --cli "$url" \
      --callback-url "http://127.0.0.1:$CALLBACK_PORT/oauth/callback" "$@") \
      > "$LOGIN_OUT" 2> "$LOGIN_ERR" < /dev/null &
  local pid=$!
  PIDS+=("$pid")
  local deadline=$((SECONDS + T_AUTH_URL))
  while [ "$SECONDS" -lt "$deadline" ] && kill -0 "$pid" 2>/dev/null; do
    AUTH_URL="$(sed -n 's/^.*Please navigate to: \(http[^[:space:]]*\).*$/\1/p' "$LOGIN_ERR" 2>/dev/null | head -n 1)"
    [ -n "$AUTH_URL" ] && break
    sleep 0.2
  done
  if [ -n "$AUTH_URL" ]; then
    case "$AUTH_URL" in
      "http://localhost:$SERVER_PORT/"* | "http://127.0.0.1:$SERVER_PORT/"*)
        # The browser: follow redirects (302 to the inspector's loopback callback),
        # http only, never off this machine's loopback.
        curl -s -o /dev/null -L --max-redirs 5 --proto '=http' --proto-redir '=http' \
          --max-time "$T_BROWSER" -w '%{http_code} %{url_effective}\n' "$AUTH_URL" \
          > "$LOGS/$name.browser" 2>&1
        ;;
      *)
        echo "refusing to open a non-loopback authorization URL: $AUTH_URL" > "$LOGS/$name.browser"
        kill -TERM "$pid" 2>/dev/null
        ;;
    esac
  fi
  wait "$pid"
  LOGIN_RC=$?
  return "$LOGIN_RC"
}

has_tool() {  # has_tool OUTFILE NAME
  [ "$(json "$1" "(j.result && j.result.tools || j.tools || []).some(t => t.name === '$2')")" = true ]
}

# whoami_field OUTFILE FIELD: a field of whoami's structuredContent (or its text block).
whoami_field() {
  json "$1" "(() => { const r = j.result || j;
    const s = r.structuredContent || JSON.parse(r.content.find(c => c.type === 'text').text);
    return s['$2']; })()"
}

registered_client() {  # the client id of the last DCR registration in the current server log
  server_log_grep 'authz endpoint=register .*outcome=allow' | tail -n 1 \
    | sed -n 's/.*client=\([^ ]*\).*/\1/p'
}

# ---------------------------------------------------------------------------------------
# one phase: login, whoami, restart, stored token again

# phase STORE EXPECT: EXPECT is "accepted" (sqlite) or "rejected" (memory).
phase() {
  local store="$1" expect="$2"
  local data="$RUN/data-$store"
  local mcp_url port client fp instance rc detail

  say "$store store: starting the server"
  if ! start_server "server-$store-1" 0 "$store" "$data"; then
    check "$store: server starts" 1 "see ${SERVER_LOG#"$ROOT"/}"
    show_tail "$SERVER_LOG"
    stop_server
    return
  fi
  port="$SERVER_PORT"
  mcp_url="http://localhost:$port/mcp"
  check "$store: server starts" 0 "$mcp_url"

  say "$store store: inspector logs in (DCR + authorization code) and lists the tools"
  login "inspector-$store-login" "$mcp_url" --transport http --method tools/list --format json
  rc=$LOGIN_RC
  client="$(registered_client)"
  detail="exit $rc"
  [ -n "$AUTH_URL" ] || detail="$detail, no authorization URL printed"
  [ -n "$client" ] && detail="$detail, client $client"
  if [ "$rc" -eq 0 ] && [ -n "$AUTH_URL" ] && [ -n "$client" ] && has_tool "$LOGIN_OUT" whoami \
     && printf '%s' "$AUTH_URL" | grep -q 'code_challenge_method=S256' \
     && server_log_grep "authz endpoint=authorize client=$client outcome=allow" >/dev/null \
     && server_log_grep "authz endpoint=token client=$client outcome=allow" >/dev/null; then
    check "$store: OAuth login (DCR, PKCE S256, auto-approve) and tools/list shows whoami" 0 "$detail"
  else
    check "$store: OAuth login (DCR, PKCE S256, auto-approve) and tools/list shows whoami" 1 "$detail"
    show_tail "$LOGIN_ERR"; show_tail "$LOGIN_OUT"; show_tail "$LOGS/inspector-$store-login.browser"
    show_tail "$SERVER_LOG"
  fi

  say "$store store: tools/call whoami with the stored token (--stored-auth-only)"
  inspector "$LOGS/inspector-$store-whoami.out" "$LOGS/inspector-$store-whoami.err" \
    "$mcp_url" --transport http --stored-auth-only --method tools/call --tool-name whoami --format json
  rc=$?
  fp="$(whoami_field "$LOGS/inspector-$store-whoami.out" token_fingerprint)"
  instance="$(whoami_field "$LOGS/inspector-$store-whoami.out" server_instance)"
  if [ "$rc" -eq 0 ] \
     && [ "$(whoami_field "$LOGS/inspector-$store-whoami.out" authenticated)" = true ] \
     && [ -n "$client" ] \
     && [ "$(whoami_field "$LOGS/inspector-$store-whoami.out" client_id)" = "$client" ] \
     && [ -n "$fp" ]; then
    check "$store: tools/call whoami succeeds (authenticated, same client id)" 0 "token $fp"
  else
    check "$store: tools/call whoami succeeds (authenticated, same client id)" 1 "exit $rc"
    show_tail "$LOGS/inspector-$store-whoami.err"; show_tail "$LOGS/inspector-$store-whoami.out"
  fi

  say "$store store: restarting the server on the same port and data dir"
  stop_server
  if ! start_server "server-$store-2" "$port" "$store" "$data"; then
    check "$store: server restarts on port $port" 1 "see ${SERVER_LOG#"$ROOT"/}"
    show_tail "$SERVER_LOG"
    stop_server
    return
  fi
  check "$store: server restarts on port $port" 0

  say "$store store: the stored token after the restart (--stored-auth-only: no login allowed)"
  local out="$LOGS/inspector-$store-after-restart.out" err="$LOGS/inspector-$store-after-restart.err"
  inspector "$out" "$err" \
    "$mcp_url" --transport http --stored-auth-only --method tools/call --tool-name whoami --format json
  rc=$?
  if [ "$expect" = accepted ]; then
    local fp2 inst2
    fp2="$(whoami_field "$out" token_fingerprint)"
    inst2="$(whoami_field "$out" server_instance)"
    if [ "$rc" -eq 0 ] && [ "$(whoami_field "$out" authenticated)" = true ] \
       && [ -n "$client" ] && [ "$(whoami_field "$out" client_id)" = "$client" ] \
       && [ -n "$fp" ] && [ "$fp2" = "$fp" ] \
       && [ -n "$inst2" ] && [ "$inst2" != "$instance" ] \
       && [ "$(whoami_field "$out" issued_by_this_instance)" = false ] \
       && ! server_log_grep 'authz endpoint=(register|authorize) ' >/dev/null; then
      check "$store: stored token still accepted after restart, no new login" 0 \
        "same token $fp2, issued by instance $instance, served by $inst2"
    else
      check "$store: stored token still accepted after restart, no new login" 1 \
        "exit $rc, token '${fp2}' vs '${fp}'"
      show_tail "$err"; show_tail "$out"; show_tail "$SERVER_LOG"
    fi
  else
    # Expected: the server answers 401 invalid_token to the forgotten token (logged with
    # its fingerprint), the refresh fails too, and the inspector, not allowed to log in,
    # exits with auth_required (exit code 3).
    if [ "$rc" -ne 0 ] && grep -q 'auth_required' "$out" "$err" 2>/dev/null \
       && [ -n "$fp" ] \
       && server_log_grep "authz endpoint=mcp outcome=deny reason=invalid_token token=$fp" >/dev/null; then
      check "$store: stored token rejected after restart (401, bug reproduced)" 0 \
        "inspector exit $rc auth_required; server: invalid_token for $fp"
    else
      check "$store: stored token rejected after restart (401, bug reproduced)" 1 "inspector exit $rc"
      show_tail "$err"; show_tail "$out"; show_tail "$SERVER_LOG"
    fi
  fi
  stop_server
}

# ---------------------------------------------------------------------------------------
# main

rm -rf "$RUN"
mkdir -p "$LOGS" "$RUN/home" "$RUN/tmp" "$RUN/wd"

if install_tools; then
  check "install: node $("$NODE" --version) and @modelcontextprotocol/inspector@$INSPECTOR_VERSION" 0
else
  check "install: node@$NODE_VERSION and @modelcontextprotocol/inspector@$INSPECTOR_VERSION" 1 \
    "see ${LOGS#"$ROOT"/}/npm-install.log"
  show_tail "$LOGS/npm-install.log"
  finish
fi

say "building mcpauth if needed"
if (cd "$ROOT" && timeout -k 10 "$T_BUILD" ./mcpauth --version) > "$LOGS/build.log" 2>&1 < /dev/null; then
  check "build: ./mcpauth runs" 0
else
  check "build: ./mcpauth runs" 1 "see ${LOGS#"$ROOT"/}/build.log"
  show_tail "$LOGS/build.log"
  finish
fi

CALLBACK_PORT="$(free_port)"
phase sqlite accepted
phase memory rejected

finish
