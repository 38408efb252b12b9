#!/usr/bin/env bash
# The shell and the completion scripts tried as a person would: keys sent to a terminal under
# tmux, the screen read back. Installs tmux, zsh and fish from Debian's packages when missing.
# Checks:
#   - completions/mcpauth.{bash,zsh,fish} equal `mcpauth completion SHELL` and load without error
#   - bash (with the bash script) completes `mcpauth cl<TAB>` like the shell does, and
#     `mcpauth client-sim --pro<TAB>` -> --profile, `client-sim --profile <TAB><TAB>` lists the
#     profiles, `mcpauth report DIR/REP<TAB>` completes a log file's name
#   - mcpauth shell: cl<TAB> -> client-sim, client-sim --pro<TAB> -> --profile (an option of
#     client-sim that connect, restart and matrix inherit), client-sim connect --pro<TAB> ->
#     --profile, --profile <TAB> lists the profiles (after client-sim and after
#     client-sim connect), `client-sim -p spec <TAB>` lists connect, matrix and restart,
#     `report DIR/REP<TAB>` completes a log file's name, Ctrl-C keeps the shell and cancels a
#     running command (needs python3 for a server that never answers), a server started in it
#     runs in the background and `client-sim connect` targets it without a URL, a line with a
#     token stays out of the history file, Ctrl-D leaves
# (When client-sim is absent from the build, the same checks run on `completion` and `server`.)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

fail() { echo "shell-tmux: FAIL: $*" >&2; exit 1; }
step() { echo "shell-tmux: $*" >&2; }

# --- tools -----------------------------------------------------------------------------------
missing=()
for tool in tmux zsh fish; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  step "installing ${missing[*]} from Debian's packages"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/mcpauth-shell-tmux.XXXXXX")"
socket="$work/tmux.sock"
tm() { tmux -S "$socket" "$@"; }
cleanup() {
  tm kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A person's environment: mcpauth on PATH, its own state and config directories.
mkdir -p "$work/bin" "$work/state" "$work/config" "$work/home"
ln -s "$root/mcpauth" "$work/bin/mcpauth"
export PATH="$work/bin:$PATH" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
export NO_COLOR=1

mcpauth --version >/dev/null || fail "mcpauth does not run"

# --- the committed scripts are what the commands generate, and each shell loads its own ------
for sh in bash zsh fish; do
  diff -q <(mcpauth completion "$sh") "completions/mcpauth.$sh" >/dev/null \
    || fail "completions/mcpauth.$sh differs from 'mcpauth completion $sh'; regenerate it"
done
err="$(bash -c 'set -e; source completions/mcpauth.bash; complete -p mcpauth' 2>&1 >/dev/null)" \
  || fail "bash cannot load the script: $err"
[ -z "$err" ] || fail "bash printed errors loading the script: $err"
err="$(zsh -fc 'autoload -U compinit && compinit -u -d "$1/zcompdump"; source completions/mcpauth.zsh' \
  zsh "$work" 2>&1 >/dev/null)" || fail "zsh cannot load the script: $err"
[ -z "$err" ] || fail "zsh printed errors loading the script: $err"
err="$(fish --no-config -c 'source completions/mcpauth.fish; complete -C "mcpauth comp"' 2>&1 >/dev/null)" \
  || fail "fish cannot load the script: $err"
[ -z "$err" ] || fail "fish printed errors loading the script: $err"
fish --no-config -c 'source completions/mcpauth.fish; complete -C "mcpauth comp"' | grep -q '^completion' \
  || fail "fish does not complete 'mcpauth comp' with the script"
step "completion scripts: generated, and load in bash, zsh and fish"

# --- the command the checks use: client-sim when the build has it --------------------------
if mcpauth completion fish | grep -q "'client-sim'"; then
  typed=cl expected=client-sim sub="client-sim connect" top="client-sim"
  profiles="$(mcpauth completion fish | sed -n "s/.*client-sim; and __fish_seen_subcommand_from connect' -s p -l profile .* -a '\([^']*\)'.*/\1/p")"
  [ -n "$profiles" ] || fail "the fish script lists no profiles for client-sim connect --profile"
else
  step "client-sim is not in this build: checking with 'completion' and 'server' instead"
  typed=comp expected=completion sub="server" top="" profiles="sqlite memory"
fi

# Waits until the pane shows $1 (an extended regex), or fails after $2 seconds.
expect_screen() {
  local pattern="$1" limit="${2:-20}" i
  for ((i = 0; i < limit * 10; i++)); do
    tm capture-pane -p -t t | grep -Eq -- "$pattern" && return 0
    sleep 0.1
  done
  echo "----- screen -----" >&2
  tm capture-pane -p -t t >&2
  fail "expected the screen to show: $pattern"
}

# Ctrl-C: a fresh prompt line, whatever a completion list left behind; Ctrl-L and a cleared
# history, so that what the next check reads was not on the screen before.
fresh_line() {
  tm send-keys -t t C-c
  sleep 0.5
  tm send-keys -t t C-l
  sleep 0.3
  tm clear-history -t t
}

# --- bash with the completion script, as a person's interactive shell ------------------------
tm new-session -d -s t -x 200 -y 50 "env HOME=$work/home bash --norc --noprofile -i"
tm send-keys -t t "PS1='bash$ '; source '$root/completions/mcpauth.bash'" Enter
expect_screen 'bash\$ ?$' 10
tm send-keys -t t "mcpauth $typed" Tab
expect_screen "bash\\$ mcpauth $expected" 10
step "bash: 'mcpauth $typed<TAB>' completes to '$expected'"
if [ -n "$top" ]; then
  fresh_line
  tm send-keys -t t "mcpauth $top --pro" Tab
  expect_screen "bash\\$ mcpauth $top --profile" 10
  step "bash: 'mcpauth $top --pro<TAB>' completes to '--profile'"
  fresh_line
  tm send-keys -t t "mcpauth $top --profile " Tab Tab
  for p in $profiles; do
    expect_screen "(^| )$p( |$)" 10
  done
  step "bash: 'mcpauth $top --profile <TAB><TAB>' lists: $profiles"
fi
mkdir -p "$work/logs"
: > "$work/logs/REPORT-client.log"
if mcpauth completion fish | grep -q "'report'"; then
  fresh_line
  tm send-keys -t t "mcpauth report $work/logs/REP" Tab
  expect_screen "bash\\$ mcpauth report $work/logs/REPORT-client.log" 10
  step "bash: 'mcpauth report DIR/REP<TAB>' completes the log file's name"
fi
tm kill-session -t t

# --- mcpauth shell ---------------------------------------------------------------------------
tm new-session -d -s t -x 200 -y 50 "mcpauth shell"
tm set-option -t t remain-on-exit on >/dev/null
expect_screen '^mcpauth>' 60
tm send-keys -t t "$typed" Tab
expect_screen "^mcpauth> $expected" 10
step "shell: '$typed<TAB>' completes to '$expected'"

if [ "$expected" = client-sim ]; then
  fresh_line
  tm send-keys -t t "$top --pro" Tab
  expect_screen "^mcpauth> $top --profile" 10
  step "shell: '$top --pro<TAB>' completes to '--profile'"
  fresh_line
  tm send-keys -t t "$top --profile " Tab
  for p in $profiles; do
    expect_screen "(^| )$p( |$)" 10
  done
  step "shell: '$top --profile <TAB>' lists: $profiles"
  fresh_line
  tm send-keys -t t "$sub --pro" Tab
  expect_screen "^mcpauth> $sub --profile" 10
  step "shell: '$sub --pro<TAB>' completes to '--profile'"
  fresh_line
  tm send-keys -t t "$top -p spec " Tab
  for c in connect matrix restart; do
    expect_screen "(^| )$c( |$)" 10
  done
  step "shell: '$top -p spec <TAB>' lists connect, matrix and restart"
  fresh_line
  tm send-keys -t t "$top -p spec connect --time" Tab
  expect_screen "^mcpauth> $top -p spec connect --timeout" 10
  step "shell: '$top -p spec connect --time<TAB>' completes to '--timeout'"
  fresh_line
  tm send-keys -t t "$sub --profile " Tab
  option_line="--profile "
else
  fresh_line
  tm send-keys -t t "$sub --sto" Tab
  expect_screen "^mcpauth> $sub --store" 10
  step "shell: '$sub --sto<TAB>' completes to '--store'"
  fresh_line
  tm send-keys -t t "$sub --store " Tab
  option_line="--store "
fi
for p in $profiles; do
  expect_screen "(^| )$p( |$)" 10
done
step "shell: '$option_line<TAB>' lists: $profiles"

if mcpauth completion fish | grep -q "'report'"; then
  fresh_line
  tm send-keys -t t "report $work/logs/REP" Tab
  expect_screen "^mcpauth> report $work/logs/REPORT-client.log" 10
  step "shell: 'report DIR/REP<TAB>' completes the log file's name"
fi

# Ctrl-C clears the line and keeps the shell.
fresh_line
tm send-keys -t t "status"
sleep 0.3
fresh_line
tm send-keys -t t "status" Enter
expect_screen 'no server running' 10
step "shell: Ctrl-C at the prompt keeps the shell"

# Ctrl-C cancels a running command: a client waiting on a server that accepts and never answers.
if [ "$expected" = client-sim ] && command -v python3 >/dev/null 2>&1; then
  python3 -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
print(s.getsockname()[1], flush=True); time.sleep(120)' > "$work/silent.port" &
  silent_pid=$!
  for ((i = 0; i < 50; i++)); do [ -s "$work/silent.port" ] && break; sleep 0.1; done
  tm send-keys -t t "client-sim connect http://127.0.0.1:$(cat "$work/silent.port")/mcp --profile spec --timeout 90s" Enter
  sleep 3
  tm send-keys -t t C-c
  expect_screen 'mcpauth: interrupted' 10
  kill "$silent_pid" 2>/dev/null || true
  fresh_line
  tm send-keys -t t "status" Enter
  expect_screen 'no server running' 10
  step "shell: Ctrl-C cancels a running command and keeps the shell"
fi

# A server in the background; the next commands target it without its URL.
tm send-keys -t t "server --port 0 --store memory --auto-approve" Enter
expect_screen '^http://localhost:[0-9]+/mcp' 60
url="$(tm capture-pane -p -t t | grep -Eo '^http://localhost:[0-9]+/mcp' | head -n 1)"
tm send-keys -t t "status" Enter
expect_screen "^server $url" 10
if [ "$expected" = client-sim ]; then
  tm send-keys -t t "client-sim connect --profile spec" Enter
  expect_screen "connected as spec" 120
fi
step "shell: the background server at $url is the default target"

tm send-keys -t t "stop" Enter
expect_screen "stopped $url" 20
secret="eyJhbGciOiJub25lIn0.eyJzdWIiOiJzaGVsbC10bXV4In0.c2lnbmF0dXJl"
fresh_line
tm send-keys -t t "token decode $secret" Enter
expect_screen "fp:[0-9a-f]{12}" 20
fresh_line
tm send-keys -t t "status" Enter
expect_screen 'no server running' 10
tm send-keys -t t C-d
for ((i = 0; i < 100; i++)); do
  [ "$(tm display-message -p -t t '#{pane_dead}')" = 1 ] && break
  sleep 0.1
done
[ "$(tm display-message -p -t t '#{pane_dead}')" = 1 ] || fail "Ctrl-D did not leave the shell"
[ -s "$work/state/mcpauth/shell-history" ] || fail "the shell kept no history"
grep -q "$secret" "$work/state/mcpauth/shell-history" && fail "the history file holds a token"
step "shell: Ctrl-D leaves; history kept in \$XDG_STATE_HOME/mcpauth/shell-history, no token in it"
echo "shell-tmux: all checks passed" >&2
