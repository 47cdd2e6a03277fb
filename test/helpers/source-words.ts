/**
 * The words of a report source, read by each syntax's own rules and not through the report model:
 * YAML through the yaml library's nodes and comments, the DSL by the lines and escapes of
 * docs/dsl.md. What the conversion test compares (test/convert-source.test.ts).
 */
import * as assert from 'assert';
import { parseDocument, Parser, visit } from 'yaml';
import { Range, Report, Syntax } from '../../server/src/service';
import { parseReport } from '../../server/src/service/frontends/report-parser';
import { splitYamlBlocks } from '../../server/src/service/frontends/yaml';
import { convert } from '../../server/src/service/features/convert';
import { allSections } from '../../server/src/service/query';
import { project } from './project';

export interface Words {
  values: string[];
  comments: string[];
}

/** Words: split at white space and colons (a colon separates a key from its value in both syntaxes). */
const words = (s: string) => s.split(/[\s\u3000：:]+/).filter((w) => w !== '');
/** A comment's words, without its #. */
const commentWords = (c: string) => words(c.replace(/^#/, ''));

/** YAML keys that only give the structure (the DSL writes them as layout, not as text). */
const STRUCTURE = new Set(['行', '正文', '小节']);

export function yamlWords(src: string): Words {
  const values: Array<[number, string]> = [];
  for (const b of splitYamlBlocks(src)) {
    const doc = parseDocument(b.text, { schema: 'failsafe', uniqueKeys: false });
    visit(doc, {
      Scalar(key, n) {
        if (!n.range || n.value === null) return;
        if (key === 'key' && STRUCTURE.has(String(n.value))) return;
        values.push([b.start + n.range[0], String(n.value)]);
      },
    });
  }
  const comments: Array<[number, string]> = [];
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) { o.forEach(walk); return; }
    const r = o as Record<string, unknown>;
    if (r.type === 'comment' && typeof r.source === 'string') { comments.push([r.offset as number, r.source]); return; }
    for (const [k, v] of Object.entries(r)) if (k !== 'source') walk(v);
  };
  for (const t of new Parser().parse(src)) walk(t);
  return {
    values: values.sort((a, b) => a[0] - b[0]).flatMap(([, v]) => words(v)),
    comments: comments.sort((a, b) => a[0] - b[0]).flatMap(([, c]) => commentWords(c)),
  };
}

/** The text lines of a DSL report (section bodies, printed blocks): as written, # included. */
function textLines(r: Report): Range[] {
  const out: Range[] = [];
  for (const b of r.sectionBlocks) for (const s of allSections(b.sections)) if (s.body) out.push(s.body.range);
  for (const p of r.printed) if (p.body) out.push(p.body.range);
  return out;
}

export function dslWords(src: string): Words {
  const texts = textLines(parseReport(src, 'dsl').report);
  const values: string[] = [];
  const comments: string[] = [];
  const unescape = (x: string) => x.replace(/\\([|#\\t])/g, (_m, c: string) => (c === 't' ? '\t' : c));
  /** A line's content up to an unescaped “ # ” comment (which goes to the comments). */
  const content = (x: string, from = 0) => {
    for (let i = Math.max(1, from); i < x.length; i++) {
      if (x[i] === '#' && x[i - 1] !== '\\' && /[ \t\u3000]/.test(x[i - 1]) && (i + 1 === x.length || /[ \t\u3000]/.test(x[i + 1]))) {
        comments.push(...commentWords(x.slice(i)));
        return x.slice(0, i);
      }
    }
    return x;
  };
  let pos = 0;
  let block = '';
  for (const raw of src.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const at = pos;
    pos += raw.length + 1;
    if (/^[ \t\u3000]*#/.test(line)) { comments.push(...commentWords(line.trim())); continue; }
    // text lines (section bodies, printed blocks): as written, a leading \ escapes
    if (texts.some((t) => t.start <= at + line.length && at < t.end)) { values.push(...words(line.startsWith('\\') ? line.slice(1) : line)); continue; }
    const header = /^【([^】\n]*)】/.exec(line);
    if (header) {
      block = header[1].trim();
      values.push(...words(header[1]));
      content(line, header[0].length);
      continue;
    }
    let x = content(line);
    // a heading's = (in 【名词解释】 a line is “术语：定义”, whatever it starts with); in a table or a 绩效自评
    // block only “= 名称” is one (a part, a section): a line of “==” is a row whose name begins with them (dsl.ts)
    const heading = block !== '名词解释' && x.startsWith('=') && !(/^(表|绩效自评)[ \u3000]/.test(block) && x.startsWith('=='));
    if (heading) x = x.replace(/^=+/, '');
    // an escaping \ at the start: on an indented (continuation) line before anything but | and #;
    // before a row's name or a term, before anything but \| \# \\ \t
    if (heading) { /* a title: read like a value, no escape at its start */ } else if (/^[ \t\u3000]/.test(x)) x = x.replace(/^[ \t\u3000]+/, '').replace(/^\\(?![|#])/, '');
    else x = x.replace(/^\\(?![|#\\t])/, '');
    // cells at unescaped | and tabs (in 【名词解释】 and 【报告】 every line is “键：值”, a | there is text)
    const cells = block === '名词解释' || block === '报告' || heading ? [x] : x.split(/(?<!\\)[|\t]/);
    values.push(...cells.flatMap((c) => words(unescape(c))));
  }
  return { values, comments };
}

/** Is `a` found in `b` in order (b may have more)? The first word of a that is not, or undefined. */
export function missingInOrder(a: string[], b: string[]): string | undefined {
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    while (j < b.length && b[j] !== a[i]) j++;
    if (j === b.length) return `${JSON.stringify(a[i])} (word ${i} of ${a.length}, after ${JSON.stringify(a.slice(Math.max(0, i - 3), i))})`;
    j++;
  }
  return undefined;
}

export const wordsOf = (text: string, syntax: Syntax) => (syntax === 'yaml' ? yamlWords(text) : dslWords(text));

/** Converts and checks at the source level; returns what happened. */
export function roundTrip(text: string, from: Syntax): { converted: boolean; problem?: string } {
  const to: Syntax = from === 'yaml' ? 'dsl' : 'yaml';
  const c = convert(text, from, to);
  if (!c.ok) {
    // a refusal says where: a finding with a range inside the text and a message
    assert.ok(c.findings.length > 0 && c.findings.every((f) => f.range.start >= 0 && f.range.end <= text.length + 1 && f.message.length > 0), c.message);
    return { converted: false };
  }
  const a = wordsOf(text, from);
  const b = wordsOf(c.text, to);
  const v = missingInOrder(a.values, b.values);
  if (v) return { converted: true, problem: `value ${v} is not in the ${to} output:\n${c.text}` };
  const k = missingInOrder(a.comments, b.comments);
  if (k) return { converted: true, problem: `comment ${k} is not in the ${to} output:\n${c.text}` };
  if (b.comments.length !== a.comments.length) return { converted: true, problem: `comments ${JSON.stringify(a.comments)} became ${JSON.stringify(b.comments)}` };
  // and the model agrees, and converting back gives the same report
  assert.deepStrictEqual(project(parseReport(c.text, to).report), project(parseReport(text, from).report));
  const back = convert(c.text, to, from);
  assert.ok(back.ok, !back.ok ? back.message : '');
  assert.deepStrictEqual(project(parseReport(back.text, from).report), project(parseReport(text, from).report));
  return { converted: true };
}

