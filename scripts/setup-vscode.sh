#!/usr/bin/env bash
# Installs what the end-to-end tests and `npm start` need, from Debian apt and the npm registry only:
#   - Debian's chromium (driven by playwright-core), ripgrep (seeds code-server's rg download) and Kerberos headers
#     (code-server's native kerberos module builds against them);
#   - code-server 4.100.3 (the real VS Code 1.100.3 server and workbench) into test/vscode/, with its own lock file,
#     so the extension's own `npm ci` stays small.
# Idempotent: every step is skipped when its result is already there. Any failure stops the script.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
vscode_dir=$root/test/vscode
export DEBIAN_FRONTEND=noninteractive

say() { printf 'setup-vscode: %s\n' "$*"; }
fail() { printf 'setup-vscode: ERROR: %s\n' "$*" >&2; exit 1; }
trap 'fail "command failed (line $LINENO): $BASH_COMMAND"' ERR

# 1. System packages.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/rg ] || missing+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "need ${missing[*]} but apt-get is not available; install them by hand"
  [ "$(id -u)" = 0 ] || fail "need ${missing[*]}; run as root or: sudo apt-get install -y ${missing[*]}"
  say "apt-get install ${missing[*]}"
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after install"
[ -x /usr/bin/rg ] || fail "/usr/bin/rg missing after install"

# 2. code-server.
if [ -x "$vscode_dir/node_modules/.bin/code-server" ]; then
  say "code-server already installed: $("$vscode_dir/node_modules/.bin/code-server" --version 2>/dev/null | head -1)"
  exit 0
fi

# code-server 4.100.x depends on @vscode/ripgrep 1.15.11, whose postinstall downloads rg from GitHub (unreachable
# here). It looks in its cache first: put Debian's rg there under the exact name it expects and the download is
# skipped. The cache lives in $TMPDIR (os.tmpdir()), so fix TMPDIR for the install.
export TMPDIR=${TMPDIR:-/tmp}
cache=$TMPDIR/vscode-ripgrep-cache-1.15.11
archive=$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
if [ ! -s "$archive" ]; then
  say "seeding the @vscode/ripgrep cache with $(/usr/bin/rg --version | head -1)"
  stage=$(mktemp -d)
  cp /usr/bin/rg "$stage/rg"
  mkdir -p "$cache"
  tar czf "$archive.partial" -C "$stage" rg
  mv "$archive.partial" "$archive"
  rm -rf "$stage"
fi

# code-server's postinstall refuses to run as root without unsafe-perm (npm 11 only honours it from the
# environment), and node-pty's install runs `npx node-gyp`, which must not stop to ask.
export npm_config_unsafe_perm=true
export npm_config_yes=true

say "npm ci in test/vscode (code-server 4.100.3; takes a minute or two)"
(cd "$vscode_dir" && npm ci --no-audit --no-fund)
[ -x "$vscode_dir/node_modules/.bin/code-server" ] || fail "code-server missing after npm ci"
say "installed: $("$vscode_dir/node_modules/.bin/code-server" --version 2>/dev/null | head -1)"
