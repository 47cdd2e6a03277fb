/**
 * Builds the 科目 catalogue (server/src/service/data/kemu.json) from:
 *  - data/kemu/compiled.tsv: the standard classification compiled for this project (unchecked);
 *  - data/kemu/reference/*.csv: rows seen in published sources (a copy of shared/reference/kemu, with
 *    provenance; refresh with `node out/scripts/build-catalogue.js --reference <dir>`);
 *  - the (code, name) pairs of the samples of the seeds;
 *  - data/kemu/decisions.tsv: how each disagreement between them was decided, one by one.
 * Each entry says where it comes from: 'checked' (a published source agrees), 'observed' (only
 * seen in a published source), or 'compiled' (not yet checked).
 *
 *   node out/scripts/build-catalogue.js [--reference DIR] [--check]
 * --check builds in memory and exits 1 if the committed kemu.json differs or a disagreement is undecided.
 */
import * as fs from 'fs';
import * as path from 'path';
import { observedPairs, ObservedPair } from './kemu-observed';
import { normKemuName } from '../server/src/service/names';
import { initialsOf } from '../server/src/service/kemu';

const ROOT = path.resolve(__dirname, '..', '..');

export interface KemuEntry {
  code: string;
  name: string;
  level: '类' | '款' | '项';
  system: 'function' | 'econ-dept' | 'econ-gov';
  /** Editions (years) the entry is valid for. */
  editions: number[];
  /** 说明 (反映…), when a source gives it. */
  description?: string;
  /** 'checked' | 'observed' | 'compiled' | 'compiled:pattern' */
  status: string;
  /** Where it was seen or checked. */
  sources: string[];
  /** Other names seen for this code (older editions, variants), with the decision. */
  aliases?: Array<{ name: string; kind: 'older' | 'variant' | 'mistake'; note: string }>;
  /** The pinyin initials of the name (the language server searches by them without loading pinyin-pro). */
  initials?: string;
}

export interface Decision {
  code: string;
  observed: string;
  decision: 'keep' | 'use-observed' | 'alias-older' | 'alias-variant';
  note: string;
}

const EDITIONS = [2023, 2024, 2025];

function systemOf(code: string): KemuEntry['system'] {
  return code.startsWith('3') ? 'econ-dept' : code.startsWith('5') ? 'econ-gov' : 'function';
}

function levelOf(code: string): KemuEntry['level'] {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
}

/** Names compare with bracket width, spaces and quote styles normalised. */
export function sameName(a: string, b: string): boolean {
  return normKemuName(a) === normKemuName(b);
}

export function readDecisions(): Decision[] {
  const file = path.join(ROOT, 'data', 'kemu', 'decisions.tsv');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('code\t')).map((l) => {
    const [code, observed, decision, note] = l.split('\t');
    return { code, observed, decision: decision as Decision['decision'], note: note ?? '' };
  });
}

export function buildCatalogue(referenceDir: string): { entries: KemuEntry[]; undecided: Array<{ pair: ObservedPair; catalogue: string }> } {
  const byCode = new Map<string, KemuEntry>();
  for (const line of fs.readFileSync(path.join(ROOT, 'data', 'kemu', 'compiled.tsv'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('code\t')) continue;
    const [code, name, system, source] = line.split('\t');
    byCode.set(code, { code, name, level: levelOf(code), system: system as KemuEntry['system'], editions: EDITIONS, status: source, sources: ['本项目整理（未经核对）'] });
  }
  const decisions = readDecisions();
  const undecided: Array<{ pair: ObservedPair; catalogue: string }> = [];
  for (const p of observedPairs(referenceDir, ROOT)) {
    const e = byCode.get(p.code);
    if (!e) {
      byCode.set(p.code, { code: p.code, name: p.name, level: levelOf(p.code), system: systemOf(p.code), editions: EDITIONS, status: 'observed', sources: [p.source], description: p.description || undefined });
      continue;
    }
    if (sameName(e.name, p.name)) {
      if (e.status.startsWith('compiled')) e.status = 'checked';
      if (!e.sources.includes(p.source)) e.sources.push(p.source);
      if (p.description && !e.description) e.description = p.description;
      continue;
    }
    const d = decisions.find((x) => x.code === p.code && sameName(x.observed, p.name));
    if (!d) {
      undecided.push({ pair: p, catalogue: e.name });
      continue;
    }
    if (d.decision === 'use-observed') {
      e.aliases = [...(e.aliases ?? []), { name: e.name, kind: 'older', note: `本项目原整理名称；${d.note}` }];
      e.name = p.name;
      e.status = e.status.startsWith('compiled') ? 'observed' : e.status;
      e.sources.push(p.source);
    } else if (!(e.aliases ?? []).some((a) => sameName(a.name, p.name))) {
      const kind = d.decision === 'alias-older' ? 'older' : d.decision === 'alias-variant' ? 'variant' : 'mistake';
      e.aliases = [...(e.aliases ?? []), { name: p.name, kind, note: `${d.note}（见 ${p.source}）` }];
    }
    if (p.description && !e.description) e.description = p.description;
  }
  // every 款 and 项 needs its parents
  const entries = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  // the initials of every name, so that the language server need not load pinyin-pro (kemu.ts)
  for (const e of entries) e.initials = initialsOf(e.name);
  return { entries, undecided };
}

function main() {
  const args = process.argv.slice(2);
  const ri = args.indexOf('--reference');
  const referenceDir = ri >= 0 ? path.resolve(args[ri + 1]) : path.join(ROOT, 'data', 'kemu', 'reference');
  const { entries, undecided } = buildCatalogue(referenceDir);
  const out = path.join(ROOT, 'server', 'src', 'service', 'data', 'kemu.json');
  const json = JSON.stringify({ $comment: 'Generated by scripts/build-catalogue.ts — do not edit; edit data/kemu/*.tsv and rebuild.', editions: EDITIONS, entries }, null, 0).replace(/\},\{/g, '},\n{') + '\n';
  const stats = (s: string) => entries.filter((e) => e.status === s).length;
  console.log(`科目目录：${entries.length} 条（核对过 ${stats('checked')}，只见于公开来源 ${stats('observed')}，整理未核对 ${stats('compiled') + stats('compiled:pattern')}）`);
  if (undecided.length) {
    console.log(`未决定的不一致 ${undecided.length} 处（请在 data/kemu/decisions.tsv 中逐条决定）：`);
    for (const u of undecided) console.log(`${u.pair.code}\t${u.pair.name}\t<keep|use-observed|alias>\t目录为“${u.catalogue}”；见 ${u.pair.source}`);
  }
  if (args.includes('--check')) {
    const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === json;
    if (!same) console.log('server/src/service/data/kemu.json 与数据不符：请运行 npm run build:catalogue');
    process.exit(same && undecided.length === 0 ? 0 : 1);
  }
  fs.writeFileSync(out, json);
  console.log('写入 ' + path.relative(ROOT, out));
}

if (require.main === module) main();
