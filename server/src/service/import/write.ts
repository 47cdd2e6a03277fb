/**
 * An imported document → DSL text (docs/dsl.md with the additions for real documents). Every block
 * and table is preceded by “# 原文第 N 页”; a row the importer is not sure of carries
 * “# 导入待核：…（原文第 N 页）” at its end.
 */
import { ImportedDocument, ImportedSection } from './document';
import { ImportedTable } from './grid';

export interface Uncertain {
  page: number;
  message: string;
  /** The table and row, when it is a cell. */
  table?: string;
  row?: string;
  /** 0-based line of the marker in the written DSL. */
  line?: number;
}

/** A cell or a value: | # \ and tabs escaped. */
export function escCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/#/g, '\\#').replace(/\t/g, '\\t');
}

/** A line of free text: a leading = 【 # \ or space escaped with \. */
export function escText(s: string): string {
  return /^[=【#\\ \t\u3000]/.test(s) ? `\\${s}` : s;
}

/** A value after “键：”: one line, # escaped. */
function escValue(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/#/g, '\\#');
}

export function writeDsl(doc: ImportedDocument, source: string): { text: string; uncertain: Uncertain[] } {
  const out: string[] = [];
  const uncertain: Uncertain[] = [];
  out.push(`# 由 jsgk import 从“${source}”导入。数字与文字照原文；请对照原文核对标有“导入待核”的行。`);
  out.push('【报告】');
  out.push(`类型：${doc.type ?? '部门预算'}`);
  if (doc.year) out.push(`年度：${doc.year}`);
  else out.push('# 导入待核：未能从原文读出年度');
  out.push(doc.unitName ? `单位：${escValue(doc.unitName)}` : '# 导入待核：未能从原文读出单位名称');
  out.push('金额单位：万元');
  const overviewKey = doc.type?.startsWith('单位') ? '单位概况' : '部门概况';
  for (const b of doc.blocks) {
    out.push('');
    if (b.kind === 'table') {
      writeTable(b.table, out, uncertain);
      continue;
    }
    out.push(`# 原文第 ${b.kind === 'glossary' ? b.page : b.page} 页`);
    if (b.kind === 'text') {
      out.push(`【${b.key}】`);
      for (const l of b.lines) out.push(escText(l));
    } else if (b.kind === 'part') {
      out.push(`【${b.key}】`);
      for (const l of b.text) out.push(escText(l));
    } else if (b.kind === 'glossary') {
      out.push('【名词解释】');
      for (const l of b.intro) out.push(`# ${l}`);
      for (const e of b.entries) out.push(`${e.number}${escValue(e.term)}：${escValue(e.definition)}`);
    } else {
      const key = b.key === '部门概况' || b.key.startsWith('部门概况 ') ? b.key.replace('部门概况', overviewKey) : b.key;
      out.push(`【${key}】`);
      for (const l of b.intro) out.push(escText(l));
      writeSections(b.sections, out);
    }
  }
  return { text: out.join('\n') + '\n', uncertain };
}

function writeSections(secs: ImportedSection[], out: string[]): void {
  let lastPage = -1;
  // a page title (level 0) is the first level; the numbered sections under it (一、 …) the next
  const shift = secs.some((s) => s.level === 0) ? 1 : 0;
  for (const s of secs) {
    if (s.page !== lastPage) out.push(`# 原文第 ${s.page} 页`);
    lastPage = s.page;
    out.push(`${'='.repeat(Math.max(1, Math.min(3, s.level + shift)))} ${escTitle(s.title)}`);
    for (const p of s.paragraphs) out.push(escText(p));
  }
}

function escTitle(s: string): string {
  return s.replace(/^=+/, (m) => m.replace(/=/g, '＝'));
}

function writeTable(t: ImportedTable, out: string[], uncertain: Uncertain[]): void {
  out.push(`# 原文第 ${t.page} 页`);
  out.push(`【表 ${t.title}】`);
  if (t.preparedBy) out.push(`${t.preparedBy[0]}：${escValue(t.preparedBy[1])}`);
  if (t.unit) out.push(`单位：${t.unit}`);
  const sided = t.parts.length > 1;
  for (const p of t.parts) {
    if (sided) out.push(`= ${p.name}`);
    if (p.columns.length) out.push(`列：${p.columns.map(escCell).join(' | ')}`);
    let lastPage = t.page;
    for (const r of p.rows) {
      if (r.page !== lastPage) {
        out.push(`# 原文第 ${r.page} 页`);
        lastPage = r.page;
      }
      const cells = r.cells.map(escCell);
      let line = r.key ? `${escCell(r.key)} | ${cells.join(' | ')}` : `| | ${cells.join(' | ')} |`;
      if (r.key && cells.length && cells[cells.length - 1] === '') line += ' |';
      if (r.key && !cells.length) line = `${escCell(r.key)} |`;
      line = line.replace(/\|  \|/g, '| |').replace(/\|  \|/g, '| |').replace(/ +$/, '');
      if (/^[=【#\\]/.test(line) || /^[：:]/.test(line)) line = `\\${line}`;
      if (r.uncertain.length) {
        const msg = r.uncertain.join('；');
        line += `  # 导入待核：${msg.replace(/#/g, '＃')}（原文第 ${r.page} 页）`;
        for (const m of r.uncertain) uncertain.push({ page: r.page, message: `导入时无法确定：${m}，请核对原文第 ${r.page} 页`, table: t.title, row: r.key, line: out.length });
      }
      out.push(line);
    }
  }
  for (const n of t.notes) {
    const m = /^(注|说明)\s*[：:]\s*/.exec(n);
    out.push(m ? `${m[1]}：${escValue(n.slice(m[0].length))}` : `注：${escValue(n)}`);
  }
}
