#!/usr/bin/env bash
# Runs the server scenarios of the official MCP conformance suite
# (@modelcontextprotocol/conformance) against `mcpauth server --no-auth --conformance-fixtures`.
#
# Usage: e2e/conformance.sh [more arguments for `conformance server`, e.g. --verbose]
#
# Installs what it needs into e2e/.work/ (git-ignored) on first use: the suite, and Node 22
# from the npm package node@22 when the machine's node is older (the suite's bundle imports
# fs.globSync, which Node 20 lacks). As root with unshare(1), the suite and the server run in
# a network namespace of their own with only loopback up; MCPAUTH_E2E_NETNS=off skips that.
# Everything it starts is stopped on exit. The last line is `conformance: N passed, M failed
# as expected` from the suite's Total line, and the exit code is the suite's: 0 when only the
# scenarios listed in e2e/conformance-expected-failures.yml fail, 1 otherwise.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$here/.work"
suite_version="0.1.16"
suite_pkg="@modelcontextprotocol/conformance"
node_pkg="node@22"
min_node=22
install_timeout="${MCPAUTH_E2E_INSTALL_TIMEOUT:-600}"
build_timeout="${MCPAUTH_E2E_BUILD_TIMEOUT:-900}"
start_timeout="${MCPAUTH_E2E_START_TIMEOUT:-60}"
suite_timeout="${MCPAUTH_E2E_SUITE_TIMEOUT:-300}"

say() {
  echo "conformance.sh: $*" >&2
}

die() {
  say "$*"
  exit 2
}

# shellcheck source=e2e/conformance-lib.sh
source "$here/conformance-lib.sh"

server_pid=""
server_url=""

stop_server() {
  [ -n "$server_pid" ] || return 0
  kill "$server_pid" 2>/dev/null || true
  local tries=50
  while [ "$tries" -gt 0 ] && kill -0 "$server_pid" 2>/dev/null; do
    sleep 0.2
    tries=$((tries - 1))
  done
  if kill -0 "$server_pid" 2>/dev/null; then
    say "mcpauth server did not stop within 10s; killing it"
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# Starts the server on a free port (port 0) and sets server_url from its ready line.
start_server() {
  local log="$work/server.log" waited=0
  (cd "$root" && exec ./mcpauth server --no-auth --conformance-fixtures --store memory \
    --port 0 2>"$log" >/dev/null) &
  server_pid=$!
  while [ -z "$server_url" ]; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; die "mcpauth server exited"; }
    [ "$waited" -lt $((start_timeout * 10)) ] \
      || { cat "$log" >&2; die "mcpauth server not ready after ${start_timeout}s"; }
    sleep 0.1
    waited=$((waited + 1))
    server_url="$(sed -n 's/.*mcpauth server ready at \([^ ]*\) .*/\1/p' "$log" | head -n 1)"
  done
}

# Prints `conformance: N passed, M failed as expected` from the suite's Total line (or a single
# scenario's `Passed: x/y, f failed` line). A run whose failures are all listed exits 0, so the
# failures here are the known gaps, not broken checks.
summary_line() {
  local plain
  plain="$(sed 's/\x1b\[[0-9;]*m//g' "$1")"
  if grep -q '^Total: [0-9]* passed, [0-9]* failed' <<<"$plain"; then
    grep '^Total: ' <<<"$plain" | tail -n 1 \
      | sed 's/^Total: \([0-9]* passed, [0-9]* failed\).*/conformance: \1 as expected/'
  elif grep -q '^Passed: [0-9]*/[0-9]*, [0-9]* failed' <<<"$plain"; then
    grep '^Passed: ' <<<"$plain" | tail -n 1 \
      | sed 's#^Passed: \([0-9]*\)/[0-9]*, \([0-9]*\) failed.*#conformance: \1 passed, \2 failed#'
  else
    say "the suite printed no result line"
    echo "conformance: 0 passed, 1 failed"
  fi
}

run_suite() {
  local node="$1" log="$work/conformance-last.log" code
  shift
  trap stop_server EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  start_server
  say "mcpauth is up at $server_url; running $suite_pkg@$suite_version"
  set +e
  (cd "$root" && timeout "$suite_timeout" "$node" \
    "$work/conformance/node_modules/$suite_pkg/dist/index.js" server --url "$server_url" \
    --expected-failures e2e/conformance-expected-failures.yml "$@") 2>&1 | tee "$log"
  code="${PIPESTATUS[0]}"
  set -e
  [ "$code" -ne 124 ] || say "the suite did not finish within ${suite_timeout}s"
  stop_server
  summary_line "$log"
  return "$code"
}

conformance_main "$@"
