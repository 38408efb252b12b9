#!/usr/bin/env bash
# Runs the client scenarios of the official MCP conformance suite
# (@modelcontextprotocol/conformance) against `mcpauth client-sim connect --profile spec
# --conformance`: the suite starts its own mock MCP and authorization servers for each scenario
# and runs the client with the server URL as the last argument.
#
# Usage: e2e/conformance-client.sh [more arguments for `conformance client`, e.g. --verbose]
#        (default: --suite auth, the 14 scored auth scenarios)
#
# Installs what it needs into e2e/.work/ (git-ignored) on first use, like e2e/conformance.sh:
# the suite, and Node 22 from the npm package node@22 when the machine's node is older. As root
# with unshare(1), everything runs in a network namespace with only loopback up;
# MCPAUTH_E2E_NETNS=off skips that. The last line is `conformance-client: N passed, M failed`
# from the suite's Total line; the exit code is the suite's (0 when every check passed).
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
suite_timeout="${MCPAUTH_E2E_SUITE_TIMEOUT:-600}"
# The suite runs the scenarios in parallel; a JVM per scenario on two cores needs time.
client_timeout_ms="${MCPAUTH_E2E_CLIENT_TIMEOUT_MS:-120000}"
# The suite's CIMD scenario expects this URL client id (the reference client's).
cimd_url="https://conformance-test.local/client-metadata.json"

say() {
  echo "conformance-client.sh: $*" >&2
}

die() {
  say "$*"
  exit 2
}

# shellcheck source=e2e/conformance-lib.sh
source "$here/conformance-lib.sh"

summary_line() {
  local plain
  plain="$(sed 's/\x1b\[[0-9;]*m//g' "$1")"
  if grep -q '^Total: [0-9]* passed, [0-9]* failed' <<<"$plain"; then
    grep '^Total: ' <<<"$plain" | tail -n 1 \
      | sed 's/^Total: \([0-9]* passed, [0-9]* failed\).*/conformance-client: \1/'
  elif grep -q '^Passed: [0-9]*/[0-9]*, [0-9]* failed' <<<"$plain"; then
    grep '^Passed: ' <<<"$plain" | tail -n 1 \
      | sed 's#^Passed: \([0-9]*\)/[0-9]*, \([0-9]*\) failed.*#conformance-client: \1 passed, \2 failed#'
  else
    say "the suite printed no result line"
    echo "conformance-client: 0 passed, 1 failed"
  fi
}

run_suite() {
  local node="$1" log="$work/conformance-client-last.log" code
  shift
  local args=("$@")
  [ "${#args[@]}" -gt 0 ] || args=(--suite auth)
  trap 'exit 130' INT
  trap 'exit 143' TERM
  local command="$root/mcpauth client-sim connect --profile spec --conformance"
  command="$command --client-metadata-url $cimd_url"
  say "running $suite_pkg@$suite_version client ${args[*]}"
  set +e
  (cd "$work" && timeout "$suite_timeout" "$node" \
    "$work/conformance/node_modules/$suite_pkg/dist/index.js" client --command "$command" \
    --timeout "$client_timeout_ms" "${args[@]}") 2>&1 | tee "$log"
  code="${PIPESTATUS[0]}"
  set -e
  [ "$code" -ne 124 ] || say "the suite did not finish within ${suite_timeout}s"
  summary_line "$log"
  return "$code"
}

conformance_main "$@"
