/**
 * A check lets go of its report. The command line checks thousands of reports one after another; a
 * report that something kept past its check was copied by every young-generation collection until it
 * reached the old generation (an object literal with getters as the result, a property added to a
 * function: each kept about 80–120 KB of every report, and collections took a third of the run).
 * Measured in a child process with V8's own account of what each young-generation collection promoted.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateWorkspace } from '../scripts/gen-workspace';
import { ROOT } from './helpers/samples';

describe('a check does not keep its report past the check', function () {
  this.timeout(180000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-gc-'));
    generateWorkspace(dir, { depts: 2, unitsPerDept: 150 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks of unit reports whose results are dropped promote almost nothing to the old generation', () => {
    // two passes: the first warms the code up; the second is measured
    const script = `
      const fs = require('fs'), path = require('path');
      const { getLanguageService } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'service', 'index.js'))});
      const dir = ${JSON.stringify(dir)};
      const files = [];
      for (const d of fs.readdirSync(dir)) for (const f of fs.readdirSync(path.join(dir, d))) if (f.includes('单位')) files.push(path.join(dir, d, f));
      const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
      const ls = getLanguageService({ recheck: false });
      let findings = 0;
      for (let pass = 0; pass < 2; pass++) {
        console.log('PASS ' + pass + ' ' + texts.length);
        for (let i = 0; i < texts.length; i++) { findings += ls.check(files[i], texts[i]).findings.length; ls.close(files[i]); }
      }
      console.log('END ' + findings);`;
    const r = spawnSync(process.execPath, ['--trace-gc-nvp', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const from = lines.findIndex((l) => l.startsWith('PASS 1 '));
    const to = lines.findIndex((l) => l.startsWith('END '));
    assert.ok(from >= 0 && to > from, r.stdout.slice(-2000));
    const reports = Number(lines[from].split(' ')[2]);
    assert.ok(reports >= 300, `${reports} reports`);
    assert.ok(Number(lines[to].split(' ')[1]) > 0, 'the reports were checked (they have findings)');
    let promoted = 0;
    let scavenges = 0;
    for (const l of lines.slice(from, to)) {
      if (!/\bgc=s\b/.test(l)) continue;
      scavenges++;
      promoted += Number(/\bpromoted=(\d+)/.exec(l)?.[1] ?? NaN);
    }
    assert.ok(scavenges >= 5, `only ${scavenges} young-generation collections in the measured pass`);
    assert.ok(Number.isFinite(promoted), 'V8 printed no promoted bytes');
    const perReport = promoted / reports / 1024;
    // with a report kept past its check: 80–230 KB per report; without: under 10
    assert.ok(perReport < 30, `${perReport.toFixed(1)} KB promoted per report checked`);
  });

  it('a unit report kept for its 部门 (keptForOthers) keeps none of its text', () => {
    // a generated unit report 20 times, each text padded to 1 MB with a comment; their views kept, the texts let go
    const d0 = fs.readdirSync(dir)[0];
    const unit = fs.readFileSync(path.join(dir, d0, fs.readdirSync(path.join(dir, d0)).find((f) => f.includes('单位'))!), 'utf8');
    const script = `
      const { parseReport } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'service', 'index.js'))});
      const { keptForOthers } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'service', 'workspace', 'units.js'))});
      const unit = ${JSON.stringify(unit)};
      keptForOthers(parseReport(unit).report);
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept = [];
      for (let i = 0; i < 20; i++) {
        let text = unit + '\\n# ' + String(i).repeat(1 << 19) + '\\n';
        kept.push(keptForOthers(parseReport(text).report));
        text = undefined;
      }
      gc();
      console.log('GROWTH ' + (process.memoryUsage().heapUsed - before) + ' ' + kept.filter((v) => v.tables.length === 0 && v.sums.some((t) => t.parts.some((p) => p.rows.size > 0))).length);`;
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const [, growth, withRows] = /GROWTH (-?\d+) (\d+)/.exec(r.stdout) ?? [];
    assert.strictEqual(Number(withRows), 20, r.stdout);
    // each text is about 2 MB in memory (two bytes a character): the view that kept the parsed tables
    // (whose long names and keys are slices of the text) kept 35 MB; copies of those tables 5.8 MB, the
    // compact form (SumTable) 3.4 MB
    assert.ok(Number(growth) < 15 * 1024 * 1024, `${(Number(growth) / 1048576).toFixed(1)} MB kept after the texts were let go`);
  });

  it('a name compared once keeps none of the text it was read from (normName remembers its own copy)', () => {
    // 40 texts of 1 MB; a name of 20 characters read from each (a slice) and compared; the texts let go
    const script = `
      const { normName } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'service', 'names.js'))});
      gc();
      const before = process.memoryUsage().heapUsed;
      const seen = [];
      for (let i = 0; i < 40; i++) {
        let text = '项'.repeat(1 << 19) + '某市第' + i + '局所属招商引资服务中心' + '目'.repeat(1 << 19);
        const at = text.indexOf('某市第');
        seen.push(normName(text.slice(at, at + 20)));
        text = undefined;
      }
      gc();
      console.log('GROWTH ' + (process.memoryUsage().heapUsed - before) + ' ' + new Set(seen).size);`;
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const [, growth, names] = /GROWTH (-?\d+) (\d+)/.exec(r.stdout) ?? [];
    assert.strictEqual(Number(names), 40, r.stdout);
    // each text is 2 MB in memory (two bytes a character): kept, they would be 80 MB
    assert.ok(Number(growth) < 8 * 1024 * 1024, `${(Number(growth) / 1048576).toFixed(1)} MB kept after the texts were let go`);
  });
});
