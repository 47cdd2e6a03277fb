/**
 * text.share: “（部分）A万元，占 x%” against part ÷ whole. The whole is the one the share names (占本年支出
 * 合计的 x%: the amount written right after that name anywhere in the 情况说明), or else the amount the
 * enumeration hangs on, in the same sentence (the parts that carry their own 占 are skipped).
 */
import { Text } from '../../model';
import { normName } from '../../names';
import { ratioVerdict } from '../../narrative/ratio';
import { RE, spacesBefore, WORDS } from '../../narrative/phrases';
import { Tok, tokens } from '../../narrative/tokens';
import { Rule, RuleContext } from '../types';
import { eachText, read, reportRate, rr, texts, version } from './common';
import * as l10n from '../../l10n';

/** A share: its percentage, its part (the token before it, at `at` in the reading's tokens) and the whole it names. */
interface Share { pct: Tok; part: Tok; at: number; named?: string }

/** The characters RE.shareBefore can end with before its spaces: a share word's last, or the 的 of a named whole. */
const SHARE_ENDS = new Set([...WORDS.shares.map((w) => w.charCodeAt(w.length - 1)), 0x7684 /* 的 */]);

/** The shares of a text: a percentage after 占, the amount just before it its part. */
export function sharesOf(v: string, toks: Tok[]): Share[] {
  const out: Share[] = [];
  for (let i = 1; i < toks.length; i++) {
    const p = toks[i];
    if (p.kind !== 'percent') continue;
    // most percentages follow no share word: the character one would end with is not there (no slice, no regex)
    const e = spacesBefore(v, p.start);
    if (e === 0 || !SHARE_ENDS.has(v.charCodeAt(e - 1))) continue;
    const m = RE.shareBefore.exec(v.slice(Math.max(0, p.start - 40), p.start));
    const part = toks[i - 1];
    if (!m || part.kind !== 'amount' || /[。；;]/.test(v.slice(part.end, p.start)) || p.start - part.end > 12) continue;
    out.push({ pct: p, part, at: i - 1, named: m[1] });
  }
  return out;
}

/** The whole of an unnamed share: the amount before the enumeration in the same sentence. */
export function wholeInSentence(v: string, toks: Tok[], part: Tok, at = toks.indexOf(part)): Tok | undefined {
  // the enumeration is one sentence: no 。 between the whole and the part
  const stop = v.lastIndexOf('。', part.start - 1);
  for (let j = at - 1; j >= 0; j--) {
    const c = toks[j];
    if (stop >= c.end) return undefined;
    if (c.kind !== 'amount') continue;
    if (/^[，,]?[ \t\u3000]*占/.test(v.slice(c.end, c.end + 4))) continue; // another part of the same enumeration
    return c;
  }
  return undefined;
}

/** The first amount that directly follows a term anywhere in the narrative ("本年支出合计702.98万元", "本年支出合计为1,687.40万元"). */
function termAmount(ctx: RuleContext, term: string): { tok: Tok; text: Text } | undefined {
  const n = normName(term);
  for (const { text } of texts(ctx)) {
    for (let idx = text.value.indexOf(n); idx >= 0; idx = text.value.indexOf(n, idx + 1)) {
      const after = text.value.slice(idx + n.length, idx + n.length + 40);
      const m = /^(?:为|是|共计|合计)?[ \t\u3000]*(-?[\d,]+(?:\.\d+)?)[ \t\u3000]*(万元|元|亿元)/.exec(after);
      const tok = m ? tokens(after).find((x) => x.start === m[0].indexOf(m[1])) : undefined;
      if (tok) return { tok: tok.inText(text.value, idx + n.length), text };
    }
  }
  return undefined;
}

function check(ctx: RuleContext, t: Text, s: Share, whole: Tok, wholeText: Text): void {
  const { part, pct } = s;
  if (whole.wan.cmp(part.wan) < 0) return;
  const res = ratioVerdict(part.wan, part.half, whole.wan, whole.half, pct.value);
  if (!res || res.verdict === 'ok') return;
  reportRate(ctx, {
    range: rr(t, pct.start, pct.end), verdict: res.verdict, computed: res.computed.toString(), how: `${part.raw} ÷ ${whole.raw} = ${res.computed.toString()}%`, written: pct.raw,
    related: () => [{ range: rr(t, part.start, part.end), message: l10n.t('部分：{0}', part.raw) }, { range: rr(wholeText, whole.start, whole.end), message: l10n.t('总数：{0}', whole.raw) }],
    error: (c, m, w) => l10n.t('占比应为 {0}%（{1}），文中写的是 {2}', c, m, w),
    fix: (c) => l10n.t('将占比改为 {0}%', c),
    rounding: (m, w) => l10n.t('占比按 {0}，文中写 {1}（在舍入误差以内，可能为尾数误差）', m, w),
  });
}

export const rule: Rule = {
  meta: {
    id: 'text.share', group: 'narrative', severity: 'error', fixable: 'number',
    description: '占比与两个金额不符（部分 ÷ 总数）',
    descriptionEn: 'A share does not follow from its part and whole',
    example: '占比应为 31.94%（224.55万元 ÷ 702.98万元 = 31.94%），文中写的是 31.49%',
    messages: {
      '部分：{0}': 'Part: {0}',
      '总数：{0}': 'Whole: {0}',
      '占比应为 {0}%（{1}），文中写的是 {2}': 'The share should be {0}% ({1}); the text says {2}',
      '将占比改为 {0}%': 'Change the share to {0}%',
      '占比按 {0}，文中写 {1}（在舍入误差以内，可能为尾数误差）': 'Share by {0}; the text says {1} (within rounding: probably a rounding difference)',
    },
  },
  run(ctx) {
    // shares whose whole is in their sentence read one text only; a named whole may be in another text
    // the shares hold tokens of one reading: kept with it (a reading is per text and report year, type, unit)
    const v = version(ctx);
    const of = (t: Text) => ctx.memo(t, `narrative:shares:${v}`, () => sharesOf(t.value, read(ctx, t).toks));
    eachText(ctx, (t, r) => {
      for (const s of of(t)) {
        const whole = s.named ? undefined : wholeInSentence(t.value, r.toks, s.part, s.at);
        if (whole) check(ctx, t, s, whole, t);
      }
    }, (_r, t) => of(t).some((s) => !s.named));
    for (const { text } of texts(ctx)) {
      for (const s of of(text)) {
        if (s.named) ctx.examined();
        const found = s.named ? termAmount(ctx, s.named) : undefined;
        if (found) check(ctx, text, s, found.tok, found.text);
      }
    }
  },
};
