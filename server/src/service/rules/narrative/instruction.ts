/**
 * text.instruction: an instruction of the official template to the writer left in the published text
 * (“（如持平作持平表述）”, “按上述格式依次说明到各项级科目，预决算持平的不用说明变动原因。”, “无政府性基金
 * 预算财政拨款收入支出的部门，作下述说明：” …). The instructions are every such sentence of the template
 * itself (narrative/template.json, generated from it by scripts/gen-template-phrases.ts). Fix: delete it.
 */
import { Text } from '../../model';
import { WORDS } from '../../narrative/phrases';
import { Rule, RuleContext } from '../types';
import { allTexts, rr } from './common';
import * as l10n from '../../l10n';

/** A text as compared with an instruction: without spaces, brackets, colons, commas and quotes of one width; with where each character was. */
function normalize(v: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === ' ' || c === '\t' || c === '\u3000' || c === '\n' || c === '\r') continue;
    text += SAME[c] ?? c;
    at.push(i);
  }
  return { text, at };
}
const SAME: Record<string, string> = { '(': '（', ')': '）', ':': '：', ',': '，', '”': '“', '"': '“', ';': '；' };

/** The instructions of the template, as compared, each with its longest run of plain characters (a quick test before the full one). */
const INSTRUCTIONS = WORDS.instructions.map((text) => ({ text, key: normalize(text).text, anchor: text.split(/[（）()：:，,“”"；;。\s]/).sort((a, b) => b.length - a.length)[0] }));

/** The text without white space (anchors are looked for in it). */
const compact = (v: string) => v.replace(/[\s\u3000]+/g, '');

/** Whether a text holds the anchor of an instruction (then it is compared in full). */
function anchored(t: Text): boolean {
  const c = compact(t.value);
  return INSTRUCTIONS.some((x) => c.includes(x.anchor));
}

function check(ctx: RuleContext, t: Text): void {
  const n = normalize(t.value);
  const c = compact(t.value);
  for (const ins of INSTRUCTIONS.filter((x) => c.includes(x.anchor))) {
    for (let k = n.text.indexOf(ins.key); k >= 0; k = n.text.indexOf(ins.key, k + ins.key.length)) {
      const start = n.at[k];
      const end = n.at[k + ins.key.length - 1] + 1;
      const range = rr(t, start, end);
      ctx.report({
        range, text: t.value.slice(start, end),
        message: l10n.t('模板中给编写者的说明“{0}”留在了正文中，应删去（并按它的要求写）', ins.text),
        fixes: [{ title: l10n.t('删去这段模板说明'), edits: [{ range, newText: '' }] }],
      });
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'text.instruction', group: 'narrative', severity: 'error', fixable: 'safe',
    description: '模板中给编写者的说明（如“（如持平作持平表述）”“按上述格式依次说明到各项级科目……”）留在了正文中',
    descriptionEn: 'An instruction of the template to the writer left in the published text',
    example: '模板中给编写者的说明“（如持平作持平表述）”留在了正文中，应删去（并按它的要求写）',
    messages: {
      '模板中给编写者的说明“{0}”留在了正文中，应删去（并按它的要求写）': 'The template\'s instruction to the writer "{0}" was left in the text: delete it (and do what it says)',
      '删去这段模板说明': 'Delete this template instruction',
    },
  },
  run(ctx) {
    for (const t of allTexts(ctx)) {
      ctx.examined();
      // kept with the text: a check after an edit elsewhere does not look again
      if (ctx.memo(t, 'text.instruction:anchored', anchored)) ctx.cached(t, () => check(ctx, t));
    }
  },
};
