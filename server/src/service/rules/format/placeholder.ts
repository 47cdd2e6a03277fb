/**
 * placeholder.field: a template placeholder left outside the 情况说明 — in the 报告 block (单位:
 * XX单位), the 部门概况 (its text, its 单位构成), titles of tables and sections, column and row names,
 * text cells, table notes, 绩效自评表 fields, 名词解释, 封面/目录. The bodies of the 情况说明 and
 * 其他 sections are text.placeholder's (rules/narrative/); this rule does not look at them, so that
 * no placeholder is reported twice.
 *
 * Placeholders: XX, XXX (XX单位, XXX 万元), XX.X%, ××, and the templates' instructions to the
 * clerk written in parentheses with 填写 (“（按三定方案填写主要职能。）”). “XX单位” gets a fix
 * writing the report's 单位 when the 报告 block names one (no number changes).
 */
import { Range, Str, Text } from '../../model';
import { textRange } from '../../text';
import { allSections } from '../../query';
import { gridOf, OTHER } from '../../grid';
import { mayHoldPlaceholder } from '../../chars';
import { Rule, RuleContext } from '../types';
import * as l10n from '../../l10n';

/** The X of a placeholder as the templates write it: latin, full width, or the sign × (××单位). */
export const PLACEHOLDER_X = '[XＸ×]';
/** Letters of a latin word, half and full width: an X among them is a letter (XXL), not a placeholder. */
export const LATIN_LETTERS = 'A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A';

/** XX / XXX / XX.X% / ×× (not inside a latin word), and “（…填写…）”. */
export const PLACEHOLDER = new RegExp(`(?<![${LATIN_LETTERS}])(?:[XＸ]+[.．][XＸ]+[%％]?|[XＸ]{2,}(?:单位|部门)?[%％]?|×{2,})(?![${LATIN_LETTERS}])|（[^（）\\n]{0,60}填写[^（）\\n]{0,60}）`, 'g');

/** A unit name that is itself a placeholder (XX单位) gives no fix. */
const isPlaceholder = (s: string) => new RegExp(PLACEHOLDER.source).test(s);

const MESSAGES: Record<string, string> = {
  '{0}中有模板占位符“{1}”，没有换成实际内容': 'Template placeholder "{1}" in {0} was not replaced with the actual content',
  '“单位”还是模板中的“{0}”：请填写单位全称': '单位 is still the template\'s "{0}": write the unit\'s full name',
  '模板中给编制人员的说明“{0}”还在{1}中：请换成实际内容': 'The template\'s instruction "{0}" is still in {1}: replace it with the actual content',
  '改为“{0}”': 'Change to "{0}"',
  '报告标题': 'the report title',
  '部门概况': 'the 部门概况',
  '单位构成': 'the 单位构成 table',
  '标题': 'a section title',
  '表名': 'the table title',
  '表的编号': 'the table number',
  '编制单位': 'the 编制单位 line',
  '列名': 'a column name',
  '行名': 'a row name',
  '单元格': 'a table cell',
  '表注': 'the table note',
  '绩效自评表': 'the 绩效自评表',
  '名词解释': 'the 名词解释',
  '封面或目录': 'the cover or contents',
};

export const rule: Rule = {
  meta: {
    id: 'placeholder.field', group: 'format', severity: 'error', fixable: 'safe',
    description: '情况说明以外的模板占位符（单位: XX单位、表名行名与单元格中的 XX、XXX 万元、“（……填写……）”）没有换成实际内容',
    descriptionEn: 'A template placeholder outside the 情况说明 (单位: XX单位, XX in titles, rows and cells, “（…填写…）”)',
    example: '“单位”还是模板中的“XX单位”：请填写单位全称',
    messages: MESSAGES,
  },
  run(ctx) {
    const f = finders(ctx);
    metaAndOverview(f, ctx);
    tables(f, ctx);
    perfGlossaryPrinted(f);
  },
};

/** The ways a rule run finds placeholders: in a one-line value, in a text, in a Str. */
function finders(ctx: RuleContext) {
  const m = ctx.model;
  const unit = m.meta?.unitName && !isPlaceholder(m.meta.unitName.value) ? m.meta.unitName.value.trim() : undefined;
  const hit = (found: string, range: Range, place: string) => {
    const fixes = unit && /^[XＸ]{2,}单位$/.test(found) ? [{ title: l10n.t('改为“{0}”', unit), edits: [{ range, newText: unit }] }] : undefined;
    const message = found.startsWith('（')
      ? l10n.t('模板中给编制人员的说明“{0}”还在{1}中：请换成实际内容', found, place)
      : l10n.t('{0}中有模板占位符“{1}”，没有换成实际内容', place, found);
    ctx.report({ range, text: found, message, fixes });
  };
  /** A placeholder in a one-line value: its range is found in the source (a quoted value may be escaped). */
  const inStr = (value: string, range: Range, place: string) => {
    if (!value) return;
    ctx.examined();
    if (!mayHoldPlaceholder(value)) return;
    for (const x of value.matchAll(PLACEHOLDER)) {
      const src = ctx.text.slice(range.start, range.end);
      const i = src.indexOf(x[0]);
      hit(x[0], i >= 0 ? { start: range.start + i, end: range.start + i + x[0].length } : range, place);
    }
  };
  const inText = (t: Text | undefined, place: string) => {
    if (!t || !t.value) return;
    ctx.cached(t, () => {
      for (const x of t.value.matchAll(PLACEHOLDER)) hit(x[0], textRange(t, x.index!, x.index! + x[0].length), place);
    }, unit);
  };
  const str = (s: Str | undefined, place: string) => s && inStr(s.value, s.range, place);

  return { m, unit, hit, inStr, inText, str };
}

type Finders = ReturnType<typeof finders>;

function metaAndOverview({ m, inText, str }: Finders, ctx: RuleContext): void {
  if (m.meta?.unitName && isPlaceholder(m.meta.unitName.value)) {
    ctx.report({ range: m.meta.unitName.range, text: m.meta.unitName.value, message: l10n.t('“单位”还是模板中的“{0}”：请填写单位全称', m.meta.unitName.value) });
  }
  str(m.meta?.title, l10n.t('报告标题'));

  for (const s of allSections(m.overview)) {
    str(s.title, l10n.t('标题'));
    inText(s.body, l10n.t('部门概况'));
    for (const u of s.units ?? []) for (const c of u.cells) str(c, l10n.t('单位构成'));
  }
  // the 情况说明 and 其他 bodies are text.placeholder's; their titles are not
  for (const s of [...allSections(m.narrative), ...allSections(m.others)]) str(s.title, l10n.t('标题'));
}

function tables({ m, unit, hit, inStr, str }: Finders, ctx: RuleContext): void {
  // the names of the places, once (a report has tens of thousands of rows and cells)
  const places = { title: l10n.t('表名'), number: l10n.t('表的编号'), preparer: l10n.t('编制单位'), column: l10n.t('列名'), row: l10n.t('行名'), cell: l10n.t('单元格'), note: l10n.t('表注') };
  for (const t of m.tables) {
    ctx.cached(t, () => {
      inStr(t.title, t.keyRange, places.title);
      str(t.number, places.number);
      if (t.preparer) str(t.preparer.value, places.preparer);
      for (const p of t.parts) {
        for (const c of p.columns) inStr(c.name, c.range, places.column);
        // the grid (grid.ts) says whether a key or text cell may hold one at all, and which cells are amounts or empty
        const g = gridOf(p);
        if (g && !g.mayHoldPlaceholder) {
          // its row keys examined by the parser, none read here
          if (p.rows.length) ctx.examined(p.rows.length);
          continue;
        }
        const w = g && g.width;
        for (let k = 0; k < p.rows.length; k++) {
          const r = p.rows[k];
          inStr(r.key, r.keyRange, places.row);
          const cells = r.cells;
          for (let i = 0; i < cells.length; i++) {
            if (g && i < w! && g.scales[k * w! + i] !== OTHER) continue;
            const c = cells[i];
            if (c.kind === 'text') inStr(c.raw, c.range, places.cell);
          }
        }
      }
      for (const n of t.notes) for (const x of n.text.value.matchAll(PLACEHOLDER)) hit(x[0], textRange(n.text, x.index!, x.index! + x[0].length), places.note);
    }, unit);
  }
}

function perfGlossaryPrinted({ m, inStr, inText, str }: Finders): void {
  for (const p of m.perf) {
    inStr(p.project, p.keyRange, l10n.t('绩效自评表'));
    for (const s of Object.values(p.fields)) str(s, l10n.t('绩效自评表'));
    inText(p.goals?.expected, l10n.t('绩效自评表'));
    inText(p.goals?.achieved, l10n.t('绩效自评表'));
    for (const row of p.indicators) for (const c of Object.values(row.cells)) if (c.kind === 'text') inStr(c.raw, c.range, l10n.t('绩效自评表'));
  }

  for (const g of m.glossary) {
    inStr(g.term, g.termRange, l10n.t('名词解释'));
    inText(g.definition, l10n.t('名词解释'));
  }
  for (const b of m.printed) {
    inStr(b.key, b.keyRange, l10n.t('封面或目录'));
    inText(b.body, l10n.t('封面或目录'));
  }
}
