/**
 * One Node version: package.json's engines.node is the range the README names and CI enforces
 * (.ci/run runs `npm ci --engine-strict`), this Node is in it, and every package in the lockfile
 * accepts every Node in it (yaml-language-server is pinned to 1.25.0: 2.0.0 requires Node ≥ 22.13).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers/samples';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require('semver') as { subset(a: string, b: string): boolean; satisfies(v: string, r: string): boolean; minVersion(r: string): { version: string } };

describe('Node version (README, engines, CI, dependencies)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const want: string = pkg.engines.node;

  it('engines.node is Node 20 (20.19 or newer), and this Node is in it', () => {
    assert.strictEqual(want, '^20.19.0');
    assert.ok(semver.satisfies(process.versions.node, want), `${process.version} ∉ ${want}`);
  });

  it('the README and CI name the same range', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.split('\n').slice(0, 5).join('\n').includes(`\`${want}\``), 'README 开头写明 engines.node');
    // other Node versions only for code-server (the test harness runs it with its own Node 24)
    const others = readme.split('\n').filter((l) => /Node (1\d|2[1-9])/.test(l) && !l.includes('code-server'));
    assert.deepStrictEqual(others, []);
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    assert.match(ci, /npm ci --engine-strict/);
  });

  it('every package in package-lock.json accepts every Node that engines.node allows', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    assert.strictEqual(lock.packages[''].engines.node, want, 'package-lock.json is current');
    const rejecting: string[] = [];
    for (const [name, p] of Object.entries(lock.packages as Record<string, { engines?: { node?: string } | string[] }>)) {
      const range = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined;
      if (name && range && !semver.subset(want, range)) rejecting.push(`${name} (node ${range})`);
    }
    assert.deepStrictEqual(rejecting, []);
    assert.strictEqual(pkg.devDependencies['yaml-language-server'], '1.25.0');
  });
});
