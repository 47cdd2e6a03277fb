/**
 * jsgk import: a published disclosure (PDF, xlsx, or pdftotext -layout text) → a report source
 * file. Independent of the LSP and of vscode.
 *
 *   importDocument(bytes | text, kind, options) → { text, syntax, uncertain, pages }
 */
import { Page, Source } from './geom';
import { readPdf } from './pdf';
import { readLayoutText } from './text';
import { readDocument, ImportedDocument } from './document';
import { Uncertain, writeDsl } from './write';

export type ImportKind = 'pdf' | 'xlsx' | 'text';
export type { Uncertain } from './write';

export interface ImportOptions {
  /** Write YAML (through convert) or the DSL (default). */
  to?: 'yaml' | 'dsl';
  /** The original's file name, for the comment at the top. */
  sourceName?: string;
}

export interface ImportResult {
  text: string;
  syntax: 'yaml' | 'dsl';
  uncertain: Uncertain[];
  /** Pages (sheets) read. */
  pages: number;
  /** Why YAML could not be written, when the DSL was written instead. */
  notice?: string;
  document: ImportedDocument;
}

/** The kind of input by file name (and, for a PDF or a workbook, by its first bytes). */
export function importKindOf(name: string, bytes?: Uint8Array): ImportKind | undefined {
  if (bytes && bytes.length > 4) {
    if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
    if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) return 'xlsx';
  }
  if (/\.pdf$/i.test(name)) return 'pdf';
  if (/\.(xlsx|xls|xlsm)$/i.test(name)) return 'xlsx';
  if (/\.txt$/i.test(name)) return 'text';
  return undefined;
}

export async function readPages(data: Uint8Array | string, kind: ImportKind): Promise<Page[]> {
  if (kind === 'pdf') return readPdf(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  // SheetJS only for a workbook (it takes a third of a second to load)
  if (kind === 'xlsx') return (require('./xlsx') as typeof import('./xlsx')).readWorkbook(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  return readLayoutText(typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data));
}

export async function importDocument(data: Uint8Array | string, kind: ImportKind, options: ImportOptions = {}): Promise<ImportResult> {
  return importPages(await readPages(data, kind), kind, options);
}

/** Pages of positioned text (readPages) → the report source. */
export function importPages(pages: Page[], kind: ImportKind, options: ImportOptions = {}): ImportResult {
  const source: Source = kind;
  const doc = readDocument(pages, source);
  const dsl = writeDsl(doc, options.sourceName ?? '');
  const hidden = pages.filter((p) => p.hiddenChars);
  if (hidden.length) {
    const lines = dsl.text.split('\n');
    const notes = hidden.map((p) => `# 原文第 ${p.page} 页有 ${p.hiddenChars} 个字印在页面可见范围之外（原文不显示），未导入`);
    lines.splice(1, 0, ...notes);
    dsl.text = lines.join('\n');
    for (const u of dsl.uncertain) if (u.line !== undefined) u.line += notes.length;
    for (const p of hidden) dsl.uncertain.push({ page: p.page, message: `导入时无法确定：第 ${p.page} 页有 ${p.hiddenChars} 个字在页面可见范围之外（原文不显示，未导入），请核对原文第 ${p.page} 页`, line: 1 });
  }
  const result: ImportResult = { text: dsl.text, syntax: 'dsl', uncertain: dsl.uncertain, pages: pages.length, document: doc };
  if (options.to === 'yaml') {
    const c = (require('../features/convert') as typeof import('../features/convert')).convert(dsl.text, 'dsl', 'yaml');
    if (c.ok) {
      result.text = c.text;
      result.syntax = 'yaml';
      // the markers keep their rows, not their line numbers
      for (const u of result.uncertain) u.line = undefined;
    } else result.notice = `未能写成 YAML（${c.message}），已写成 DSL`;
  }
  return result;
}
