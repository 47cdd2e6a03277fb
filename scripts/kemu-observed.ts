/** Every (code, name) pair observed in published sources: the reference CSVs and the seeds. */
import * as fs from 'fs';
import * as path from 'path';
import { parseReport, syntaxOf } from '../server/src/service/parser';
import { parseCsv } from '../server/src/service/csv';

export interface ObservedPair {
  code: string;
  name: string;
  source: string;
  description?: string;
}

export function referencePairs(dir: string): ObservedPair[] {
  const out: ObservedPair[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith('.csv') || f.includes('mapping')) continue;
    const rows = parseCsv(fs.readFileSync(path.join(dir, f), 'utf8'));
    const head = rows[0];
    const ci = head.indexOf('code');
    const ni = head.indexOf('name');
    const di = head.indexOf('description');
    for (const r of rows.slice(1)) {
      if (!r[ci] || !/^\d{3}(\d{2}){0,2}$/.test(r[ci])) continue;
      out.push({ code: r[ci], name: r[ni], source: `参考资料 ${f}`, description: di >= 0 && r[di] ? r[di] : undefined });
    }
  }
  return out;
}

/**
 * Pairs from the samples (the seeds 000–009 and the real documents 010 on): table rows keyed by code
 * (read through the parser, so both syntaxes count), and 科目 written in the text as 201（…）13（…）08（…）.
 */
export function seedPairs(root: string): ObservedPair[] {
  const out: ObservedPair[] = [];
  const dir = path.join(root, 'samples');
  for (const f of fs.readdirSync(dir).sort()) {
    if (!/\.jsgk(\.ya?ml)?$/.test(f)) continue;
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const seed = `${f.slice(0, 3) < '010' ? '种子' : '样例'} ${f.slice(0, 3)}`;
    const report = parseReport(text, syntaxOf(f)).report;
    for (const t of report.tables) for (const p of t.parts) for (const r of p.rows) if (r.code && r.name) out.push({ code: r.code, name: r.name, source: seed });
    for (const m of text.matchAll(/(\d{3})\s*（([^）]+)）\s*(\d{2})\s*（([^）]+)）\s*(\d{2})\s*（([^）]+)）/g)) {
      out.push({ code: m[1], name: m[2], source: seed });
      out.push({ code: m[1] + m[3], name: m[4], source: seed });
      out.push({ code: m[1] + m[3] + m[5], name: m[6], source: seed });
    }
    for (const m of text.matchAll(/([^\s（）0-9.．、：:-]+)（\s*(\d{3})）([^\s（）0-9]+)（(\d{2})）([^\s（）0-9]+)（(\d{2})）/g)) {
      out.push({ code: m[2], name: m[1], source: seed });
      out.push({ code: m[2] + m[4], name: m[3], source: seed });
      out.push({ code: m[2] + m[4] + m[6], name: m[5], source: seed });
    }
  }
  return out;
}

export function observedPairs(referenceDir: string, root: string): ObservedPair[] {
  return [...referencePairs(referenceDir), ...seedPairs(root)];
}
