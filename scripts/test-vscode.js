#!/usr/bin/env node
// Level 2: the mocha suite inside the VS Code extension host, through @vscode/test-electron's
// runTests. Here VS Code is code-server's (vscode-harness/code-shim.js starts it and drives it
// with chromium); where desktop VS Code can be downloaded, set JSGK_DESKTOP_VSCODE=1 and
// runTests downloads and uses it instead, with the same suite.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const root = path.resolve(__dirname, '..');
const H = path.join(root, 'vscode-harness');

async function main() {
  const results = process.env.JSGK_VSCODE_RESULTS || path.join(os.tmpdir(), `jsgk-vscode-results-${process.pid}.json`);
  fs.rmSync(results, { force: true });
  const { runTests } = require(path.join(H, 'node_modules', '@vscode', 'test-electron'));
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-ws-'));
  fs.cpSync(path.join(root, 'samples'), ws, { recursive: true });
  const opts = {
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'client', 'src', 'test', 'suite', 'index.js'),
    launchArgs: [ws, '--disable-extensions'],
    extensionTestsEnv: { JSGK_VSCODE_RESULTS: results, JSGK_SERVER_LOG: process.env.JSGK_SERVER_LOG || path.join(os.tmpdir(), 'jsgk-server.log') },
  };
  if (!process.env.JSGK_DESKTOP_VSCODE) opts.vscodeExecutablePath = path.join(H, 'code-shim.js');
  let code = 0;
  try {
    code = await runTests(opts);
  } catch (e) {
    console.error('扩展宿主测试失败：', e.message || e);
    code = 1;
  }
  let summary = { passed: 0, failed: 1, failures: ['没有得到扩展宿主测试的结果'] };
  try { summary = JSON.parse(fs.readFileSync(results, 'utf8')); } catch { /* keep the failure */ }
  console.log(`extension-host: ${summary.passed} passed, ${summary.failed} failed`);
  if (process.env.JSGK_SUMMARY_FILE) fs.writeFileSync(process.env.JSGK_SUMMARY_FILE, JSON.stringify(summary));
  process.exit(code || (summary.failed > 0 ? 1 : 0));
}
main();
