#!/usr/bin/env node
'use strict';
// The language server as a command (for Neovim and other LSP clients): jsgk-language-server --stdio
const path = require('path');
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket'))) process.argv.push('--stdio');
try {
  const { startServer } = require(path.join(__dirname, '..', 'out', 'server', 'src', 'server.js'));
  const { createConnection, ProposedFeatures } = require('vscode-languageserver/node');
  startServer(createConnection(ProposedFeatures.all));
} catch (e) {
  process.stderr.write('jsgk-language-server 尚未构建：请先在项目根目录运行 npm ci && npm run build\n' + (e && e.message) + '\n');
  process.exit(2);
}
