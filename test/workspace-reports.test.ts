/**
 * The workspace's reports in the language server (service/workspace/reports.ts): only the 报告 key of
 * each file is kept after the walk; the unit reports of a 部门 report are read and parsed when it
 * asks (prepare, asynchronously), forgotten when no open 部门 report lists them (release); the walk
 * can be cancelled.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { WorkspaceReports, headMetaValues, metaKey, metaOf, metaValues, wantedKeys, wantedKeysOf } from '../server/src/service/workspace/reports';
import { convert } from '../server/src/service/features/convert';
import { readHeadSync, readTextFileSync } from '../server/src/service/workspace/read';
import { allSampleFiles } from './helpers/samples';
import { parseReport } from '../server/src/service';
import { generateWorkspace } from '../scripts/gen-workspace';

describe('workspace reports for the checks across reports', function () {
  this.timeout(60000);
  let dir: string;
  let ws: ReturnType<typeof generateWorkspace>;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-wsr-'));
    ws = generateWorkspace(dir, { depts: 2, unitsPerDept: 5 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps only each report\'s key after the walk; prepares, lists and releases the units of a 部门 report', async () => {
    const r = new WorkspaceReports([dir]);
    await r.load();
    assert.strictEqual(r.size, 12);
    assert.strictEqual(r.parsed, 0);
    assert.strictEqual(r.text(ws.files[1]), undefined, 'no text kept for a report nobody asked for');
    const dept = parseReport(fs.readFileSync(ws.depts[0], 'utf8')).report;
    assert.strictEqual(r.prepared(dept), false);
    assert.strictEqual(await r.prepare(dept), true);
    assert.strictEqual(r.prepared(dept), true);
    assert.strictEqual(r.parsed, 5);
    assert.strictEqual(await r.prepare(dept), false, 'nothing new the second time');
    const units = r.unitReportsOf(dept, () => false);
    assert.deepStrictEqual(units.map((u) => u.report.meta?.unitName?.value).sort(), [1, 2, 3, 4, 5].map((i) => `某市第1局所属第${i}中心`).sort());
    assert.ok(r.text(ws.files[1])!.includes('某市第1局所属第1中心'), 'the text of a unit in use is kept (positions of related locations)');
    // an open unit report counts as edited, not from the disk
    assert.strictEqual(r.unitReportsOf(dept, (p) => p === path.normalize(ws.files[1])).length, 4);
    r.release([]);
    assert.strictEqual(r.parsed, 0);
    assert.strictEqual(r.text(ws.files[1]), undefined);
    // asked again without prepare: read and parsed on the spot
    assert.strictEqual(r.unitReportsOf(dept, () => false).length, 5);
  });

  it('the key is read from the 报告 block only', () => {
    assert.strictEqual(metaKey(fs.readFileSync(ws.files[1], 'utf8'), 'yaml'), '单位决算|2023|某市第1局所属第1中心');
    assert.strictEqual(metaKey('报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 甲\n表 x:\n  单位: 乙\n', 'yaml'), '部门决算|2023|甲');
    assert.strictEqual(metaKey('表 x:\n  列: [a]\n', 'yaml'), '');
  });

  it('a cancelled walk rejects and reads nothing more', async () => {
    const r = new WorkspaceReports([dir]);
    const p = r.load();
    r.cancel();
    await assert.rejects(p);
    assert.strictEqual(r.loaded, false);
    assert.ok(r.size < 12);
  });
});

describe('the 报告 block read without a parser (metaValues)', () => {
  const fs2 = fs;
  const files = ['samples', 'examples', 'templates'].flatMap((d) => {
    const out: string[] = [];
    const walk = (p: string) => { for (const e of fs2.readdirSync(p, { withFileTypes: true })) { const q = path.join(p, e.name); if (e.isDirectory()) walk(q); else if (/\.jsgk(\.ya?ml)?$/.test(e.name)) out.push(q); } };
    walk(path.join(__dirname, '..', '..', d));
    return out;
  });
  const parsed = (text: string, syntax: 'yaml' | 'dsl') => {
    const m = metaOf(text, syntax);
    return { type: m?.type?.value, year: m?.year?.year, unit: m?.unitName?.value };
  };
  const EDITS = ['\n', ' ', ':', '：', '#', ' # x', '"', "'", '- ', '  ', '\t', '【', '类型: ', '年度: 2024', '单位: 乙', '年度：二〇二三', '[', '|', '\\', 'x: y'];

  it('gives what parsing the 报告 block gives, on every report the project ships and on mutated 报告 blocks', () => {
    assert.ok(files.length > 10);
    for (const f of files) {
      const syntax = f.endsWith('.jsgk') ? 'dsl' : 'yaml';
      const text = fs2.readFileSync(f, 'utf8');
      assert.deepStrictEqual(metaValues(text, syntax), parsed(text, syntax), f);
    }
    fc.assert(fc.property(fc.integer({ min: 0, max: files.length - 1 }), fc.nat(), fc.constantFrom(...EDITS), (i, pos, ins) => {
      const syntax = files[i].endsWith('.jsgk') ? 'dsl' : 'yaml';
      const text = fs2.readFileSync(files[i], 'utf8');
      const start = syntax === 'dsl' ? text.indexOf('【报告】') : text.search(/^报告:/m);
      const at = start + 4 + (pos % 120);
      const t = text.slice(0, at) + ins + text.slice(at);
      assert.deepStrictEqual(metaValues(t, syntax), parsed(t, syntax));
    }), { numRuns: 3000 });
  });
});

describe('the 报告 block read from the head of a file (readHeadSync, headMetaValues)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-head-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };

  it('gives what the whole file gives, or says the file must be read whole, wherever the head is cut', () => {
    const files = [...allSampleFiles()];
    const base = fs.readFileSync(files[0], 'utf8');
    const block = base.slice(base.indexOf('报告:'), base.indexOf('\n\n', base.indexOf('报告:')) + 2);
    // the 报告 block after 10,000 characters of other blocks, at the end, twice, in a comment, without a next block
    files.push(write('late.jsgk.yaml', base.replace(block, '') + '\n' + block));
    files.push(write('twice.jsgk.yaml', block + block.replace('部门决算', '单位决算') + base.replace(block, '')));
    files.push(write('comment.jsgk.yaml', block.replace('报告:\n', '报告:\n  # 注释\n') + base.replace(block, '')));
    files.push(write('only.jsgk.yaml', block.trimEnd()));
    files.push(write('crlf.jsgk.yaml', base.replace(/\n/g, '\r\n')));
    files.push(write('cr.jsgk.yaml', base.replace(/\n/g, '\r')));
    files.push(write('bom.jsgk.yaml', '\ufeff' + base));
    files.push(write('utf16.jsgk.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(base, 'utf16le')])));
    files.push(write('empty.jsgk.yaml', ''));
    let fromHead = 0;
    let whole = 0;
    for (const f of files) {
      const syntax = f.endsWith('.jsgk') ? 'dsl' : 'yaml';
      const full = readTextFileSync(f);
      const want = full.ok ? metaValues(full.text, syntax) : undefined;
      for (const bytes of [16, 64, 100, 200, 333, 512, 1000, 4096, 8192, 1 << 20]) {
        const head = readHeadSync(f, bytes);
        const got = head ? headMetaValues(head, syntax) : undefined;
        if (!got) { whole++; continue; }
        fromHead++;
        assert.deepStrictEqual(got, want, `${path.basename(f)} cut at ${bytes} bytes`);
      }
    }
    assert.ok(fromHead > 20 && whole > 20, `${fromHead} read from the head, ${whole} whole`);
    // the common case: a report whose 报告 block comes first is read from its first 8 KB
    assert.ok(readHeadSync(files[0]) && headMetaValues(readHeadSync(files[0])!, 'yaml'));
    assert.strictEqual(readHeadSync(path.join(dir, 'utf16.jsgk.yaml')), undefined);
    assert.strictEqual(readHeadSync(dir), undefined, 'a folder');
  });
});

const convertText = (t: string): string | undefined => { const c = convert(t, 'yaml', 'dsl'); return c.ok ? c.text : undefined; };

describe('the units a 部门 report lists, from its 报告 and 概况 blocks only (wantedKeysOf)', () => {
  it('are those of the whole report, on every sample and on generated 部门 reports in both syntaxes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-wanted-'));
    try {
      const ws = generateWorkspace(dir, { depts: 2, unitsPerDept: 3 });
      let listing = 0;
      for (const f of [...allSampleFiles(), ...ws.files]) {
        const text = fs.readFileSync(f, 'utf8');
        for (const [syntax, t] of [[f.endsWith('.jsgk') ? 'dsl' : 'yaml', text], ...(f.endsWith('.jsgk') ? [] : [['dsl', convertText(text)]])] as Array<['yaml' | 'dsl', string | undefined]>) {
          if (t === undefined) continue;
          const want = [...wantedKeys(parseReport(t, syntax).report)].sort();
          assert.deepStrictEqual([...wantedKeysOf(t, syntax)].sort(), want, `${path.basename(f)} (${syntax})`);
          if (want.length) listing++;
        }
      }
      assert.ok(listing >= 4, `${listing} reports listing units`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
