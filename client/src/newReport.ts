/**
 * 新建决算报告 / 新建预算报告 without VS Code: the file name, the checks of what the clerk types,
 * and the template filled in with the 单位 and 年度. (extension.ts asks and writes; the level-1
 * tests in test/new-report.test.ts check these on the real templates.)
 */

export type ReportKind = '决算' | '预算';
export type Syntax = 'yaml' | 'dsl';

/** Where a new report's schema reference points: a copy of the schema beside it, read without a network. */
export const SCHEMA_COPY = '.jsgk/report.schema.json';

/** The template file (in templates/) for a kind of report in a syntax. */
export function templateName(kind: ReportKind, syntax: Syntax): string {
  return `部门${kind}${syntax === 'yaml' ? '.jsgk.yaml' : '.jsgk'}`;
}

/** 单位-年度部门决算.jsgk.yaml (or .jsgk), as the published reports are named. */
export function reportFileName(kind: ReportKind, unit: string, year: number, syntax: Syntax): string {
  return `${unit}-${year}部门${kind}${syntax === 'yaml' ? '.jsgk.yaml' : '.jsgk'}`;
}

/** Characters a 单位 name cannot have: it becomes a file name and a value in a YAML [list] and a DSL | row. */
const UNSAFE = /[/\\:*?"<>|,[\]{}#\u0000-\u001f]/;

/**
 * Why a 单位 name cannot be used, or undefined when it can: a message in 简体中文 with {0}
 * placeholders and their values (extension.ts passes them to vscode.l10n.t).
 */
export function unitProblem(unit: string): [string, ...string[]] | undefined {
  const u = unit.trim();
  if (!u) return ['请输入单位名称'];
  if (u.length > 60) return ['单位名称太长（最多 60 个字）'];
  if (/^[.\-!&%@'`]/.test(u)) return ['单位名称不能以 {0} 开头', u[0]];
  const bad = UNSAFE.exec(u);
  if (bad) return ['单位名称不能包含半角的 {0}（它用作文件名，也写在报告的列表中）；括号、逗号、冒号请用全角：（ ） ， ：', bad[0] < ' ' ? 'U+' + bad[0].charCodeAt(0).toString(16).padStart(4, '0') : bad[0]];
  return undefined;
}

/** Why a 年度 cannot be used, or undefined when it can. */
export function yearProblem(year: string): [string, ...string[]] | undefined {
  if (!/^\d{4}$/.test(year.trim())) return ['请输入四位年份，如 {0}', '2024'];
  const y = Number(year.trim());
  if (y < 2000 || y > 2099) return ['年度应在 {0} 到 {1} 之间', '2000', '2099'];
  return undefined;
}

/** The 年度 a clerk most likely means: last year for a 决算 (written after the year ends), this year for a 预算. */
export function defaultYear(kind: ReportKind, now = new Date()): number {
  return kind === '决算' ? now.getFullYear() - 1 : now.getFullYear();
}

/**
 * The template with 单位 and 年度 filled in: “XX单位” becomes the 单位; the template's 年度 and the
 * years next to it (上年 …) move by the same number of years; a YAML template's schema line points
 * at `schema` (a path relative to the new file).
 */
export function fillTemplate(template: string, unit: string, year: number, schema?: string): string {
  const m = /^(?: {2}年度: |年度：)(\d{4})\s*$/m.exec(template);
  if (!m) throw new Error('模板中没有“年度”');
  const shift = year - Number(m[1]);
  let text = template
    .replace(/XX单位/g, unit.trim())
    .replace(/(?<!\d)(20\d\d)(?!\d)/g, (y) => (Math.abs(Number(y) - Number(m[1])) <= 3 ? String(Number(y) + shift) : y));
  if (schema !== undefined) text = text.replace(/^(# yaml-language-server: \$schema=)\S+/m, `$1${schema}`);
  return text;
}

/** Where the clerk starts writing in a new report: the first “（…填写…）” to replace. */
export function firstPlaceholder(text: string): { start: number; end: number } | undefined {
  const m = /（[^）\n]*填写[^）\n]*）/.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}
