/**
 * text.placeholder: a placeholder of the template left in the 情况说明 (and 其他) — a run of X (XXX, XX%, XX.X%; ＸＸ and ××
 * as other templates write it; not the XX of a latin word such as XXL), a pair
 * of alternatives (增加（减少）, 大于（小于）) or a label after a placeholder (（制度名称）); the forms are
 * those of the official template (narrative/template.json, generated from it) and of published reports
 * (phrases.json). Where the rate can be computed (完成年初预算的XX.X% after its two figures), the fix
 * writes it. Everything outside these texts (单位: XX单位 …) is placeholder.field's, so that no placeholder is
 * reported twice.
 */
import { Text } from '../../model';
import { RE, WORDS } from '../../narrative/phrases';
import { HUNDRED } from '../../narrative/ratio';
import { Fix } from '../../model';
import { Rule, RuleContext } from '../types';
import { completionPair } from './completion';
import { LATIN_LETTERS, PLACEHOLDER_X } from '../format/placeholder';
import { read, rr, texts, version } from './common';
import * as l10n from '../../l10n';

/** X as the templates write it, and the letters around which it is a letter (XXL), not a placeholder: placeholder.field's. */
const X = PLACEHOLDER_X;
const LATIN = LATIN_LETTERS;

/** Runs of X as long as the shortest of the forms, with a decimal part and % where a form has them. */
function xRun(): string {
  const forms = WORDS.placeholders.filter((f) => /^X/.test(f));
  const n = Math.min(...forms.map((f) => /^X+/.exec(f)![0].length));
  const body = `${X}{${n},}${forms.some((f) => f.includes('.')) ? `(?:\\.${X}+)?` : ''}${forms.some((f) => f.endsWith('%')) ? '%?' : ''}`;
  return `(?<![${LATIN}])${body}(?![${LATIN}])`;
}
const X_RUN = new RegExp(xRun(), 'g');
/** Alternatives: a change or compare word, then another in brackets (the template's 增加（减少）, 大于（小于） …). */
const CHOICES = [...WORDS.up, ...WORDS.down, ...WORDS.more, ...WORDS.less];
/** A word that a line break or spaces may cut (大\n于, as a template pasted from a PDF has it). */
const spaced = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => [...w].join('[\\s\\u3000]*')).join('|');
const BRACKETED = new RegExp(`[（(][\\s\\u3000]*(?:${spaced(CHOICES)})[\\s\\u3000]*[）)]`, 'g');
const CHOICE_BEFORE = new RegExp(`(?:${spaced(CHOICES)})[\\s\\u3000]*$`);

/** A quick test: could the text hold a placeholder? */
const HAS_BRACKETED = new RegExp(BRACKETED.source);
const HAS_X = new RegExp(X);
const mayHave = (v: string) => HAS_X.test(v) || HAS_BRACKETED.test(v) || WORDS.annotations.some((a) => v.includes(a));

/** Every placeholder of a text: [start, end). */
function placeholders(v: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (HAS_X.test(v)) for (const m of v.matchAll(X_RUN)) out.push([m.index!, m.index! + m[0].length]);
  for (const m of v.matchAll(BRACKETED)) {
    const w = CHOICE_BEFORE.exec(v.slice(Math.max(0, m.index! - 4), m.index!));
    if (w) out.push([m.index! - w[0].length, m.index! + m[0].length]);
  }
  for (const a of [...WORDS.alternatives, ...WORDS.annotations]) {
    for (let at = v.indexOf(a); at >= 0; at = v.indexOf(a, at + a.length)) if (!out.some(([s, e]) => s <= at && at < e)) out.push([at, at + a.length]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** 完成年初预算的XX.X% after its budget and its actual: the computed rate, to the decimals of the placeholder. */
function computedFix(ctx: RuleContext, t: Text, at: number, form: string): Fix[] | undefined {
  const m = form.endsWith('%') ? RE.completionBefore.exec(t.value.slice(Math.max(0, at - 12), at)) : null;
  const pair = m ? completionPair(t.value, read(ctx, t), at, m[1]) : undefined;
  if (!pair || pair.zero) return undefined;
  const decimals = (form.split('.')[1] ?? '').replace('%', '').length;
  const computed = pair.actual.tok.wan.mul(HUNDRED).div(pair.budget.tok.wan, decimals).toString();
  return [{ title: l10n.t('改为计算值 {0}%（{1} ÷ {2}）', computed, pair.actual.tok.raw, pair.budget.tok.raw), edits: [{ range: rr(t, at, at + form.length), newText: `${computed}%` }] }];
}

function check(ctx: RuleContext, t: Text): void {
  for (const [at, end] of placeholders(t.value)) {
    const form = t.value.slice(at, end);
    ctx.report({ range: rr(t, at, end), message: l10n.t('模板占位符“{0}”没有替换成实际内容', form.replace(/[\s\u3000]+/g, '')), fixes: computedFix(ctx, t, at, form) });
  }
}

export const rule: Rule = {
  meta: {
    id: 'text.placeholder', group: 'narrative', severity: 'error', fixable: 'safe',
    description: '模板占位符（XX、XXX、增加（减少）、（制度名称）…）没有替换成实际内容',
    descriptionEn: 'A template placeholder left in the text',
    example: '模板占位符“XX.X%”没有替换成实际内容',
    messages: {
      '模板占位符“{0}”没有替换成实际内容': 'Template placeholder "{0}" was not replaced with the actual content',
      '改为计算值 {0}%（{1} ÷ {2}）': 'Change to the computed {0}% ({1} ÷ {2})',
    },
  },
  run(ctx) {
    const v = version(ctx);
    for (const { text: t } of texts(ctx)) {
      ctx.examined();
      if (ctx.memo(t, 'text.placeholder:may', (x) => mayHave(x.value))) ctx.cached(t, () => check(ctx, t), v);
    }
  },
};
