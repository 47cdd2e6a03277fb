/**
 * Pages of positioned text → the parts of a report: cover, contents, page headings that start a
 * block (部门概况, 名词解释, 情况说明 …), numbered sections (一、（一）1.), paragraphs rejoined from
 * their printed lines, 名词解释 entries and tables (grid.ts). Page numbers and running headers or
 * footers are dropped; every other line ends up somewhere in the result.
 */
import { Line, Page, Source, cx, lineText } from './geom';
import { ImportedTable, TableRegion, readTable } from './grid';
import { blockOfHeading, isContentsHeading, isPartHeading, isRowStart, isTablesHeading, matchTableTitle, isNoteStart } from './layout';
import { GLOSSARY_NUMBER, NUMBERING, normalizeTitle } from '../names';

export interface ImportedSection {
  title: string;
  level: number;
  page: number;
  paragraphs: string[];
}

export type ImportedBlock =
  | { kind: 'text'; key: string; page: number; lines: string[] }
  | { kind: 'part'; key: string; page: number; text: string[] }
  | { kind: 'sections'; key: string; page: number; intro: string[]; sections: ImportedSection[] }
  | { kind: 'glossary'; page: number; entries: Array<{ number: string; term: string; definition: string; page: number }>; intro: string[] }
  | { kind: 'table'; table: ImportedTable };

export interface ImportedDocument {
  type?: string;
  year?: number;
  unitName?: string;
  blocks: ImportedBlock[];
}

const SECTION_NUM = /^[ \u3000]*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;

function numberStyle(s: string): string {
  const m = SECTION_NUM.exec(s);
  if (!m) return '';
  const n = m[1];
  if (/^[一二三四五六七八九十]/.test(n)) return 'cn';
  if (/^[（(][一二三四五六七八九十]/.test(n)) return '(cn)';
  if (/^[（(]\d/.test(n)) return '(d)';
  return 'd';
}

/** Drops page numbers and running headers or footers. */
function dropFurniture(pages: Page[], source: Source): void {
  if (source === 'xlsx') return;
  const pageNo = /^(?:[-—–]\s*)?(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[-—–])?$|^第\s*\d+\s*页\s*(?:共\s*\d+\s*页)?$|^\d+\s*\/\s*\d+$/;
  const count = new Map<string, number>();
  for (const p of pages) {
    const edge = [p.lines[0], p.lines[p.lines.length - 1]].filter(Boolean);
    for (const l of new Set(edge)) {
      const t = lineText(l, '');
      count.set(t, (count.get(t) ?? 0) + 1);
    }
  }
  for (const p of pages) {
    p.lines = p.lines.filter((l, i) => {
      const edge = i === 0 || i === p.lines.length - 1 || (i >= p.lines.length - 2 && lineText(p.lines[p.lines.length - 1], '').match(pageNo));
      if (!edge) return true;
      const t = lineText(l, '');
      if (pageNo.test(t) && l.frags.length === 1 && (i > 0 || p.lines.length > 1)) return false;
      if (pages.length >= 4 && (count.get(t) ?? 0) >= Math.max(3, pages.length / 2) && !matchTableTitle(t) && t.length < 40) return false;
      return true;
    });
  }
}

/** A line printed on its own in the middle of the page: a page heading. */
function isCentredHeading(l: Line, p: Page): boolean {
  const t = lineText(l, '');
  if (l.frags.length > 2 || t.length > 40 || /[。；]$/.test(t)) return false;
  const a = l.frags[0].x0;
  const b = l.frags[l.frags.length - 1].x1;
  return Math.abs((a + b) / 2 - p.width / 2) < 0.12 * p.width && a > 0.15 * p.width;
}

/** Does this page go on with the table of the page before? */
/** A page heading that names a block: printed on its own, centred, no sentence, not a numbered section. */
function pageHeading(l: Line, p: Page): string | undefined {
  const t = lineText(l, '');
  if (!isCentredHeading(l, p) || /[，。；：,;:]/.test(t) || NUMBERING.test(t)) return undefined;
  return blockOfHeading(t);
}

/** Does this page go on with the table of the page before? */
function continuesTable(p: Page, region: TableRegion): boolean {
  const first = p.lines[0];
  if (!first) return false;
  const t = lineText(first, '');
  if (matchTableTitle(t) || isPartHeading(t) || pageHeading(first, p)) return false;
  if (p.lines.slice(0, 4).some((l) => l.frags.length >= 3)) return true;
  // a table without numbers (a template) goes on with rows that have only their names, until its note
  if (region.lines.some((l) => isNoteStart(lineText(l, '')))) return false;
  return first.frags.every((f) => (NUMBERING.test(f.text) && f.text.replace(NUMBERING, '').length > 0) || /^\d{3,7}$/.test(f.text) || isRowStart(f.text));
}

export function readDocument(pages: Page[], source: Source): ImportedDocument {
  dropFurniture(pages, source);
  const doc: ImportedDocument = { blocks: [] };
  const blocks = doc.blocks;
  let cur: ImportedBlock | undefined;
  let region: TableRegion | undefined;
  let sec: ImportedSection | undefined;
  let para: { text: string; lastX1: number; right: number } | undefined;
  const styles: string[] = [];
  const finishTable = () => {
    if (!region) return;
    const t = readTable(region, source);
    blocks.push({ kind: 'table', table: t });
    for (const u of t.unplaced) addLine(u.text, u.page, true);
    region = undefined;
    cur = undefined;
  };
  const newBlock = (b: ImportedBlock) => {
    finishTable();
    blocks.push(b);
    cur = b;
    sec = undefined;
    para = undefined;
    styles.length = 0;
  };
  const unplacedBlock = (page: number): ImportedBlock => {
    let b = blocks.find((x) => x.kind === 'text' && x.key === '其他 导入时未能归位的内容');
    if (!b) {
      b = { kind: 'text', key: '其他 导入时未能归位的内容', page, lines: [] };
      blocks.push(b);
    }
    return b;
  };
  // a line of narrative text into the current block
  function addLine(text: string, page: number, loose = false, line?: Line, p?: Page) {
    if (loose || !cur || cur.kind === 'table' || cur.kind === 'part') {
      if (cur && cur.kind === 'part') {
        cur.text.push(text);
        return;
      }
      if (!cur || cur.kind === 'table' || loose) {
        (unplacedBlock(page) as { lines: string[] }).lines.push(text);
        return;
      }
    }
    if (cur.kind === 'text') {
      cur.lines.push(text);
      return;
    }
    const x0 = line ? line.frags[0].x0 : 0;
    const x1 = line ? line.frags[line.frags.length - 1].x1 : 0;
    const fs = line ? line.fs : 12;
    const right = p ? Math.max(...p.lines.map((l) => l.frags[l.frags.length - 1].x1)) : 0;
    const left = p ? Math.min(...p.lines.map((l) => l.frags[0].x0)) : 0;
    if (cur.kind === 'glossary') {
      const m = GLOSSARY_NUMBER.exec(text);
      if (m) {
        const rest = text.slice(m[0].length);
        const ci = rest.search(/[：:]/);
        const term = ci > 0 ? rest.slice(0, ci) : rest;
        const def = ci > 0 ? rest.slice(ci + 1) : '';
        cur.entries.push({ number: m[1], term: term.trim(), definition: def.trim(), page });
      } else if (cur.entries.length) {
        const e = cur.entries[cur.entries.length - 1];
        e.definition = join(e.definition, text);
      } else cur.intro.push(text);
      return;
    }
    const style = numberStyle(text);
    const wrapped = para && para.lastX1 >= para.right - 2.5 * fs;
    const short = text.length <= 40 && !/[。；;，,：:]$/.test(text.trim()) && x1 < right - 1.2 * fs;
    // a numbered short line is a section heading, unless it continues a line that ran to the right
    // margin without ending its sentence
    if (style && short && !(wrapped && !/[。；！？）]$/.test(para!.text.trim()))) {
      let lvl = styles.indexOf(style);
      if (lvl < 0) {
        styles.push(style);
        lvl = styles.length - 1;
      }
      sec = { title: text.trim(), level: lvl + 1, page, paragraphs: [] };
      cur.sections.push(sec);
      para = undefined;
      return;
    }
    const target = sec ? sec.paragraphs : cur.intro;
    const startsNew = !para || !!style || /^[ \u3000]*(\d+[、.．](?!\d)|[（(]\d+[)）])/.test(text) || !wrapped || x0 > left + 1.5 * fs && source !== 'xlsx';
    if (startsNew || !target.length) {
      target.push(text.trim());
    } else target[target.length - 1] = join(target[target.length - 1], text.trim());
    para = { text, lastX1: x1, right };
  }

  let sawContents = false;
  pages.forEach((p, pi) => {
    if (region && !continuesTable(p, region)) finishTable();
    p.lines.forEach((l, li) => {
      const t = lineText(l, '');
      const spaced = lineText(l, ' ');
      const title = matchTableTitle(t);
      if (title) {
        finishTable();
        region = { title: t.replace(/^[ \u3000]+/, ''), kind: title.kind, twoSided: title.twoSided, page: p.page, lines: [] };
        cur = undefined;
        return;
      }
      if (region) {
        // a heading that starts a block ends the table
        if (isPartHeading(t) || (isCentredHeading(l, p) && blockOfHeading(t) && !isNoteStart(t))) finishTable();
        else {
          region.lines.push(l);
          return;
        }
      }
      if (pi === 0 && !sawContents && !blocks.length && !isContentsHeading(t)) {
        newBlock({ kind: 'text', key: '封面', page: p.page, lines: [] });
      }
      if (isContentsHeading(t) && !sawContents) {
        sawContents = true;
        newBlock({ kind: 'text', key: '目录', page: p.page, lines: [] });
        return;
      }
      if (cur && cur.kind === 'text' && cur.key === '目录') {
        const entry = spaced.replace(/[…\.·]{3,}.*$/, '').replace(/\s+\d+\s*$/, '').trim();
        // the contents go on over the next page with numbered entries not listed yet (a line the
        // contents already list is the document itself: 第一部分 … after the contents)
        const key = (e: string) => e.replace(/[\s\u3000]/g, '');
        const listed = cur.lines.some((e) => key(e) === key(entry));
        if (!listed && (NUMBERING.test(t) || isPartHeading(t)) && entry) {
          cur.lines.push(entry);
          return;
        }
        if (listed) {
          /* the contents are over */
        } else if (!isCentredHeading(l, p) || /…|\.{4}/.test(spaced) || li > 0) {
          if (!(li === 0 && pi > 0 && isCentredHeading(l, p) && blockOfHeading(t))) {
            if (entry) cur.lines.push(entry);
            return;
          }
        }
      }
      if (cur && cur.kind === 'text' && cur.key === '封面' && pi === 0) {
        cur.lines.push(spaced.trim());
        return;
      }
      if (isPartHeading(t) || isTablesHeading(t)) {
        let key = spaced.trim().replace(/\s+/g, ' ');
        if (!isPartHeading(t)) {
          // a heading over the tables without its part number (上海市XX局 2024 年度部门决算表): the
          // part is named as the contents name it (第二部分 …); if they do not, the heading is kept
          // with what could not be placed
          const contents = blocks.find((b): b is Extract<ImportedBlock, { kind: 'text' }> => b.kind === 'text' && b.key === '目录');
          const named = contents?.lines.find((e) => isPartHeading(e) && e.replace(/^第[一二三四五六七八九十]+部分/, '').replace(/[\s\u3000]/g, '') === t.replace(/[\s\u3000]/g, ''));
          if (!named) {
            finishTable();
            cur = undefined;
            addLine(key, p.page, true);
            return;
          }
          key = named.replace(/\s+/g, ' ');
        }
        newBlock({ kind: 'part', key, page: p.page, text: [] });
        const b = blockOfHeading(t.replace(/^第[一二三四五六七八九十]+部分/, ''));
        if (b && !isTablesHeading(t)) newBlock(b === '名词解释' ? { kind: 'glossary', page: p.page, entries: [], intro: [] } : { kind: 'sections', key: b, page: p.page, intro: [], sections: [] });
        return;
      }
      const heading = pageHeading(l, p);
      if (heading) {
        if (heading === '名词解释') newBlock({ kind: 'glossary', page: p.page, entries: [], intro: [] });
        else if (heading.includes(' ')) {
          // a named 情况说明 block (其他相关情况说明, 项目经费情况说明): the block has the name the layout data
          // gives it; a page title that says more (人民调解项目经费情况说明) is its first-level section, and
          // the next such page (another project) another one in the same block
          const existing = blocks.find((b): b is Extract<ImportedBlock, { kind: 'sections' }> => b.kind === 'sections' && b.key === heading);
          if (existing && blocks[blocks.length - 1] === existing) cur = existing;
          else newBlock({ kind: 'sections', key: existing ? `${heading.split(' ')[0]} ${t}` : heading, page: p.page, intro: [], sections: [] });
          const b = cur as Extract<ImportedBlock, { kind: 'sections' }>;
          if (b.key === heading && normalizeTitle(t) !== normalizeTitle(heading.slice(heading.indexOf(' ') + 1))) {
            sec = { title: t, level: 0, page: p.page, paragraphs: [] };
            b.sections.push(sec);
          } else sec = undefined;
          para = undefined;
          styles.length = 0;
        } else {
          const existing = blocks.find((b): b is Extract<ImportedBlock, { kind: 'sections' }> => b.kind === 'sections' && b.key === heading);
          if (existing && blocks[blocks.length - 1] === existing) {
            cur = existing;
          } else newBlock({ kind: 'sections', key: existing ? `${heading} ${t}` : heading, page: p.page, intro: [], sections: [] });
          const b = cur as Extract<ImportedBlock, { kind: 'sections' }>;
          sec = { title: t, level: 0, page: p.page, paragraphs: [] };
          b.sections.push(sec);
          para = undefined;
          styles.length = 0;
        }
        return;
      }
      if (li === 0 && isCentredHeading(l, p) && cur && cur.kind !== 'glossary' && pi > 0 && t.length <= 24 && !/[，。；：,;:%（）()]/.test(t) && !NUMBERING.test(t)) {
        // a page heading that names no known block: a block of its own
        newBlock({ kind: 'sections', key: `其他 ${t}`, page: p.page, intro: [], sections: [] });
        return;
      }
      if (!cur) newBlock({ kind: 'sections', key: '其他', page: p.page, intro: [], sections: [] });
      addLine(spaced.trim(), p.page, false, l, p);
    });
  });
  finishTable();
  fillMeta(doc);
  return doc;
}

function join(a: string, b: string): string {
  if (!a) return b;
  return /[\x21-\x7e]$/.test(a) && /^[\x21-\x7e]/.test(b) ? `${a} ${b}` : a + b;
}

/** 类型, 年度, 单位 from the cover and the tables. */
function fillMeta(doc: ImportedDocument): void {
  const cover = doc.blocks.find((b) => b.kind === 'text' && b.key === '封面') as { lines: string[] } | undefined;
  const coverText = cover ? cover.lines.join('\n') : '';
  const tables = doc.blocks.filter((b): b is { kind: 'table'; table: ImportedTable } => b.kind === 'table').map((b) => b.table);
  const all = coverText + '\n' + tables.map((t) => t.title).join('\n');
  const kind = /决算/.test(all) ? '决算' : '预算';
  const unit = /单位预算|单位决算|预算单位/.test(coverText) || (!coverText && tables.some((t) => /预算单位|单位/.test(t.title.replace(/\d{4}年/, '').slice(0, 4))));
  doc.type = (unit ? '单位' : '部门') + kind;
  const y = /(\d{4})\s*年/.exec(all);
  if (y) doc.year = Number(y[1]);
  const m = /(?:预算主管部门|预算单位|主管部门|单位名称|部门名称)\s*[：:]\s*(\S+)/.exec(coverText);
  if (m) doc.unitName = m[1];
  else {
    const pb = tables.find((t) => t.preparedBy)?.preparedBy;
    if (pb) doc.unitName = pb[1];
    else if (cover && cover.lines.length) doc.unitName = cover.lines[0].replace(/\s+/g, '').replace(/\d{4}年.*$/, '') || undefined;
  }
}

export { cx };
