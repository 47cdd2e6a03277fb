/**
 * Generates server/src/service/narrative/template.json — what of an official template may be left in a
 * published report by mistake — from the template texts themselves:
 *  - ../shared/reference/templates/*.txt (pdftotext -layout of the templates),
 *  - the template PDFs in ../shared/real-documents/pdf (name with 模板), read with `pdftotext -raw`
 *    when that tool is installed.
 * What it takes from them:
 *  - instructions: every sentence (or parenthesised note) that tells the writer what to do — it holds
 *    one of INSTRUCTION_MARKERS (填写, 作下述说明, 按上述格式, 列明, 不涉及的不列 …);
 *  - placeholders: every run of X the template writes (XXX, XX%, XXXXXXXX …);
 *  - alternatives: every “增加（减少）” pair of opposite words (the words are phrases.json's change and
 *    compare words);
 *  - annotations: a parenthesised label right after a placeholder (XXXX（制度名称）).
 * Each entry says where it was seen (the template and the heading it sits under).
 *
 *   node out/scripts/gen-template-phrases.js [--check]
 * --check exits 1 if the committed template.json differs from what the templates give now.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import phrases from '../server/src/service/narrative/phrases.json';

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const OUT = path.join(ROOT, 'server', 'src', 'service', 'narrative', 'template.json');

/** Words that make a template sentence an instruction to the writer (not text to publish). */
export const INSTRUCTION_MARKERS = ['填写', '作下述说明', '按上述格式', '不用说明', '仍保留该表格式', '列明', '如持平作持平表述', '不涉及的不列', '本部分内容为', '以下同', '不列举'];

interface Entry { text: string; seen: string[] }
interface Source { name: string; lines: string[] }

/** Where a flattened template has a heading: no sentence runs across it. */
const BREAK = '\u0001';
/** A table's title (the notes under a table sit under it). */
const TABLE_TITLE = /^[\u4e00-\u9fff“”"]{4,30}表$/;
const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

function sources(): Source[] {
  const out: Source[] = [];
  const dir = path.join(SHARED, 'reference', 'templates');
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
      out.push({ name: `reference/templates/${f}`, lines: fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/) });
    }
  }
  const pdfs = path.join(SHARED, 'real-documents', 'pdf');
  if (fs.existsSync(pdfs)) {
    for (const f of fs.readdirSync(pdfs).filter((x) => x.endsWith('.pdf') && x.includes('模板')).sort()) {
      const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(pdfs, f), '-'], { encoding: 'utf8' });
      if (r.status === 0 && r.stdout) out.push({ name: `real-documents/pdf/${f}`, lines: r.stdout.split(/\r?\n/) });
      else process.stderr.write(`pdftotext could not read ${f} (${r.error?.message ?? r.stderr}); it is left out\n`);
    }
  }
  return out;
}

/** The template as one string without white space, with the heading each position sits under. */
function flatten(src: Source): { text: string; headings: Array<{ at: number; title: string }> } {
  let text = '';
  const headings: Array<{ at: number; title: string }> = [];
  for (const line of src.lines) {
    const s = line.replace(/[\s\u3000]+/g, '');
    // a heading line is a sentence of its own (BREAK on both sides: not part of the sentence after it)
    const heading = (HEADING.test(s) && s.length < 40 && !/（[^）]*$/.test(s)) || TABLE_TITLE.test(s);
    if (heading) headings.push({ at: text.length + 1, title: s });
    text += heading ? `${BREAK}${s}${BREAK}` : s;
  }
  return { text, headings };
}

function headingAt(headings: Array<{ at: number; title: string }>, at: number): string {
  let h = '';
  for (const x of headings) if (x.at <= at) h = x.title;
  return h;
}

const hasMarker = (s: string) => INSTRUCTION_MARKERS.some((m) => s.includes(m));

/** Parenthesised instructions: （如持平作持平表述）, （不涉及的不列）… */
function notes(text: string): Array<{ at: number; text: string }> {
  const out: Array<{ at: number; text: string }> = [];
  for (const m of text.matchAll(/（[^（）]*(?:（[^（）]*）[^（）]*)*）/g)) {
    const note = m[0].replace(/\u0001/g, '');
    if (hasMarker(note)) out.push({ at: m.index!, text: note });
  }
  return out;
}

/** Instruction sentences: a sentence with a marker, from the clause that holds it to the sentence's end. */
function sentences(text: string): Array<{ at: number; text: string }> {
  const bare = text.replace(/（[^（）]*(?:（[^（）]*）[^（）]*)*）/g, (m) => (hasMarker(m.replace(/\u0001/g, '')) ? '\u0000'.repeat(m.length) : m));
  const out: Array<{ at: number; text: string }> = [];
  const re = /[^。\u0000\u0001]*?(?:作下述说明：|。|(?=[\u0000\u0001])|$)/g;
  for (const m of bare.matchAll(re)) {
    const s = m[0];
    if (!s || !hasMarker(s)) continue;
    const clauses = s.split(/(?<=[，：])/);
    const i = clauses.findIndex(hasMarker);
    // clauses before the marker that hold a placeholder are text to publish (主要用于XXXXXXXX，列明…):
    // the instruction begins at the clause that holds the marker
    const start = i > 0 && /X{2,}/.test(clauses.slice(0, i).join('')) ? clauses.slice(0, i).join('').length : 0;
    out.push({ at: m.index! + start, text: s.slice(start) });
  }
  return out;
}

function placeholderForms(text: string): Array<{ at: number; text: string; kind: 'placeholders' | 'alternatives' | 'annotations' }> {
  const out: Array<{ at: number; text: string; kind: 'placeholders' | 'alternatives' | 'annotations' }> = [];
  for (const m of text.matchAll(/X{2,}(?:\.X+)?%?/g)) out.push({ at: m.index!, text: m[0], kind: 'placeholders' });
  const opposite = new Map<string, string[]>();
  const pair = (a: Array<{ text: string }>, b: Array<{ text: string }>) => {
    for (const x of a) opposite.set(x.text, [...(opposite.get(x.text) ?? []), ...b.map((y) => y.text)]);
    for (const y of b) opposite.set(y.text, [...(opposite.get(y.text) ?? []), ...a.map((x) => x.text)]);
  };
  pair(phrases.changes.up, phrases.changes.down);
  pair(phrases.compare.more, phrases.compare.less);
  for (const m of text.matchAll(/([\u4e00-\u9fff]{2})（([\u4e00-\u9fff]{2})）/g)) {
    if (opposite.get(m[1])?.includes(m[2])) out.push({ at: m.index!, text: m[0], kind: 'alternatives' });
  }
  const levels = new Set(Object.entries(phrases.kemuLevels).filter(([k]) => k !== '$comment').flatMap(([, v]) => (v as Array<{ text: string }>).map((x) => x.text)));
  for (const m of text.matchAll(/X{2,}（([^（）X]{1,10})）/g)) if (!levels.has(m[1]) && !hasMarker(m[1])) out.push({ at: m.index! + m[0].indexOf('（'), text: `（${m[1]}）`, kind: 'annotations' });
  return out;
}

export function generate(): { sources: string[]; instructions: Entry[]; placeholders: Entry[]; alternatives: Entry[]; annotations: Entry[] } {
  const res = { sources: [] as string[], instructions: [] as Entry[], placeholders: [] as Entry[], alternatives: [] as Entry[], annotations: [] as Entry[] };
  const add = (list: Entry[], text: string, seen: string) => {
    const e = list.find((x) => x.text === text);
    if (!e) list.push({ text, seen: [seen] });
    else if (!e.seen.includes(seen)) e.seen.push(seen);
  };
  for (const src of sources()) {
    res.sources.push(src.name);
    const { text, headings } = flatten(src);
    const where = (at: number) => `template ${headingAt(headings, at)}`.trim();
    for (const x of [...notes(text), ...sentences(text)]) add(res.instructions, x.text, where(x.at));
    for (const x of placeholderForms(text)) add(res[x.kind], x.text, where(x.at));
  }
  res.placeholders.sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
  return res;
}

function main(): void {
  const res = generate();
  if (res.sources.length === 0) {
    process.stderr.write(`no template found under ${SHARED}\n`);
    process.exit(2);
  }
  const list = (xs: Entry[]) => `[\n${xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
  const json = `{
  "$comment": "Generated by scripts/gen-template-phrases.ts from the official template texts (sources); do not edit by hand.",
  "sources": ${JSON.stringify(res.sources)},
  "instructions": ${list(res.instructions)},
  "placeholders": ${list(res.placeholders)},
  "alternatives": ${list(res.alternatives)},
  "annotations": ${list(res.annotations)}
}
`;
  if (process.argv.includes('--check')) {
    const now = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (now !== json) {
      process.stderr.write(`${path.relative(ROOT, OUT)} is not what the templates give: run npm run gen:template-phrases\n`);
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(OUT, json);
  process.stdout.write(`${path.relative(ROOT, OUT)}: ${res.instructions.length} instructions, ${res.placeholders.length} placeholders, ${res.alternatives.length} alternatives, ${res.annotations.length} annotations from ${res.sources.join(', ')}\n`);
}

if (require.main === module) main();
