# Shared by e2e/conformance.sh and e2e/conformance-client.sh: Node 22, the pinned
# conformance suite and the mcpauth build. Source it after defining say() and die() and the
# variables work, root, suite_pkg, suite_version, node_pkg, min_node, install_timeout and
# build_timeout.

node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || true
}

# Prints a node binary of version $min_node or newer, installing node@22 if need be.
ensure_node() {
  local system local_node="$work/node22/node_modules/node/bin/node"
  system="$(command -v node || true)"
  if [ -n "$system" ] && [ "$(node_major "$system")" -ge "$min_node" ] 2>/dev/null; then
    printf '%s\n' "$system"
    return
  fi
  if [ "$(node_major "$local_node")" != "$min_node" ]; then
    command -v npm >/dev/null || die "npm is needed to install $node_pkg; install Node.js first"
    say "installing $node_pkg into $work/node22 (${system:-no node} is older than $min_node)"
    mkdir -p "$work/node22"
    timeout "$install_timeout" npm install --prefix "$work/node22" --no-audit --no-fund \
      --loglevel=error "$node_pkg" >&2 || die "npm install $node_pkg failed"
    [ "$(node_major "$local_node")" = "$min_node" ] \
      || die "$local_node does not run; is npm set to ignore install scripts?"
  fi
  printf '%s\n' "$local_node"
}

# Installs the pinned suite unless it is there already.
ensure_suite() {
  local manifest="$work/conformance/node_modules/$suite_pkg/package.json"
  if [ -f "$manifest" ] && grep -q "\"version\": \"$suite_version\"" "$manifest"; then
    return
  fi
  say "installing $suite_pkg@$suite_version into $work/conformance"
  mkdir -p "$work/conformance"
  timeout "$install_timeout" npm install --prefix "$work/conformance" --no-audit --no-fund \
    --loglevel=error --save-exact "$suite_pkg@$suite_version" >&2 \
    || die "npm install $suite_pkg@$suite_version failed"
}

# Builds mcpauth now, so that starting the server later is quick and needs no network.
ensure_build() {
  timeout "$build_timeout" "$root/mcpauth" --version >/dev/null || die "building mcpauth failed"
}

can_isolate() {
  [ "${MCPAUTH_E2E_NETNS:-on}" != "off" ] && [ "$(id -u)" = "0" ] \
    && command -v unshare >/dev/null && command -v ip >/dev/null && unshare -n true 2>/dev/null
}

# The common entry point: installs, builds, then re-runs the calling script inside a network
# namespace with only loopback when it can (root with unshare), else runs it here. The caller
# defines run_suite NODE ARGS...
conformance_main() {
  if [ "${1:-}" = "--in-netns" ]; then
    shift
    ip link set lo up
    run_suite "$@"
    return
  fi
  mkdir -p "$work"
  local node
  node="$(ensure_node)"
  ensure_suite
  ensure_build
  if can_isolate; then
    say "running in a network namespace with only loopback"
    exec unshare -n bash "$0" --in-netns "$node" "$@"
  fi
  run_suite "$node" "$@"
}
