/**
 * Checks of the 情况说明: the numbers in the sentences against each other and against the tables.
 * Every check is rounding-aware (the interval rule of rounding.ts; for a percentage, the interval
 * that the rounded amounts allow), and a number that cannot be linked with confidence is left
 * alone. The linking rules are stated in the README.
 */
import { Decimal, groupThousands, readNumeral } from '../../decimal';
import { moveFindings } from '../context';
import { Finding, Range, RelatedInfo, Report, Section, Table, Text } from '../../model';
import { textRange } from '../../text';
import { allSections } from '../../query';
import { compareSum } from '../rounding';
import { normName } from '../../names';
import { NarrativeLink, Rule, RuleMeta } from '../types';
import links from '../../data/narrative-links.json';

/** A word written twice in a row (data/narrative-links.json, doubledWords). */
const DOUBLED = new RegExp(`(${links.doubledWords.words.join('|')})\\1`);
import * as l10n from '../../l10n';

/** An amount or a percentage found in a text. */
export interface Tok {
  kind: 'amount' | 'percent';
  value: Decimal;
  /** Amounts in 万元 (元 and 亿元 converted exactly); percentages as written. */
  wan: Decimal;
  /** Half-width of the interval the written number stands for, in the same unit as `wan`. */
  half: Decimal;
  unit: string;
  start: number;
  end: number;
  raw: string;
}

const TOKEN = /(-?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t\u3000]*(万元|亿元|元|万(?=[，。；、,;）)]|$)|%|％)/g;

export function tokens(value: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(value))) {
    const before = value[m.index - 1];
    if (before && /[\d.,万]/.test(before)) continue; // part of a longer number, or 万5.00元 (garbled)
    const r = readNumeral(m[1] + m[2]);
    if (!r.ok) continue;
    const unit = m[3] === '％' ? '%' : m[3] === '万' ? '万元' : m[3];
    const v = r.value;
    let wan = v;
    let half = v.halfUlp();
    if (unit === '元') { wan = v.shift(-4); half = half.shift(-4); }
    if (unit === '亿元') { wan = v.shift(4); half = half.shift(4); }
    out.push({ kind: unit === '%' ? 'percent' : 'amount', value: v, wan, half, unit, start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}

const ZERO = Decimal.ZERO;
const HUNDRED = Decimal.fromInt(100);
const max0 = (d: Decimal) => (d.sign() < 0 ? ZERO : d);

/**
 * Is the stated percentage `pct` (± its half unit) reachable as 100·n/d with n and d anywhere in
 * their intervals? Exact, by cross-multiplication. Returns undefined when d may be zero.
 */
export function ratioVerdict(n: Decimal, nh: Decimal, d: Decimal, dh: Decimal, pct: Decimal): { verdict: 'ok' | 'rounding' | 'error'; computed: Decimal } | undefined {
  const dMin = d.sub(dh);
  if (dMin.sign() <= 0) return undefined;
  const dMax = d.add(dh);
  const nMin = max0(n.sub(nh));
  const nMax = n.add(nh);
  const ph = pct.halfUlp();
  const pMin = pct.sub(ph);
  const pMax = pct.add(ph);
  // overlap of [nMin/dMax, nMax/dMin]·100 with [pMin, pMax]
  const meets = nMin.mul(HUNDRED).cmp(pMax.mul(dMax)) <= 0 && pMin.mul(dMin).cmp(nMax.mul(HUNDRED)) <= 0;
  const computed = n.mul(HUNDRED).div(d, pct.scale);
  if (!meets) return { verdict: 'error', computed };
  return { verdict: computed.eq(pct) ? 'ok' : 'rounding', computed };
}

/** A change statement: 比上年增加 A万元，增长 R%. */
export interface Change {
  text: Text;
  dir: 'up' | 'down';
  word: string;
  wordStart: number;
  amount: Tok;
  rate?: Tok;
  rateWord?: string;
  rateWordStart?: number;
  current?: Tok;
  /** The current amount is in the same sentence, or in the one just before a 与上年相比 sentence. */
  currentNear?: boolean;
}

/** Start of the sentence containing pos (after 。；; or a line break). */
function sentenceStart(v: string, pos: number): number {
  let i = pos;
  while (i > 0 && !/[。；;\n]/.test(v[i - 1])) i--;
  return i;
}

/**
 * The budget (预算) and the actual (决算/执行数) amount a completion rate at `end` speaks of: in its
 * sentence, or — when that sentence lacks the pair — with the sentence before it. Exactly one of each.
 */
function budgetAndActual(v: string, toks: Tok[], end: number): [Tok, Tok] | undefined {
  const before = (x: Tok) => v.slice(Math.max(0, x.start - 8), x.start);
  const isBudget = (x: Tok) => /(年初预算|全年预算|预算数为|预算数|预算)[ \t\u3000]*(为)?[ \t\u3000]*$/.test(before(x));
  const isActual = (x: Tok) => !isBudget(x) && /(决算|执行数为|执行数|支出|决算数为)[ \t\u3000]*(为)?[ \t\u3000]*$/.test(before(x));
  const pick = (from: number) => {
    const w = toks.filter((x) => x.kind === 'amount' && x.start >= from && x.end <= end);
    return [w.filter(isBudget), w.filter(isActual)];
  };
  const sStart = sentenceStart(v, end);
  let [budgets, actuals] = pick(sStart);
  if (budgets.length + actuals.length < 2 && sStart > 0) [budgets, actuals] = pick(sentenceStart(v, sStart - 1));
  return budgets.length === 1 && actuals.length === 1 ? [budgets[0], actuals[0]] : undefined;
}

const UP = ['增加', '增长', '上升', '提高'];

const fmt = (d: Decimal, like?: Tok) => (like && like.raw.includes(',') ? groupThousands(d.toString()) : d.toString());

/** Per-text results of the checks that read one text only. */
export type NarrativeCache = WeakMap<Text, { year: number; base: number; toks: Tok[]; findings: Finding[]; changes: Change[]; cands: LinkCandidate[] }>;


interface LinkSpec { terms: string[]; table: string; part?: string; row: string; column: string }
interface LinkCandidate { tok: Tok; prefix: string; link: LinkSpec }
const LINK_BY_TERM = new Map<string, LinkSpec>();
for (const l of links.links as LinkSpec[]) for (const term of l.terms) LINK_BY_TERM.set(term, l);

export interface NarrativeResult {
  findings: Finding[];
  links: NarrativeLink[];
}

export class NarrativeChecker {
  findings: Finding[] = [];
  readonly links: NarrativeLink[] = [];
  private changes: Change[] = [];

  constructor(private readonly report: Report, private readonly cache?: NarrativeCache) {}

  private texts(): Array<{ text: Text; section: Section }> {
    const out: Array<{ text: Text; section: Section }> = [];
    for (const secs of [this.report.narrative, this.report.others]) {
      for (const s of allSections(secs)) if (s.body) out.push({ text: s.body, section: s });
    }
    return out;
  }

  run(): NarrativeResult {
    const texts = this.texts();
    const year = this.report.meta?.year?.year ?? 0;
    for (const { text } of texts) {
      // What reads this text alone is cached by the Text object (unchanged blocks keep theirs).
      let c = this.cache?.get(text);
      if (!c || c.year !== year) {
        const [f0, ch0] = [this.findings, this.changes];
        this.findings = [];
        this.changes = [];
        const toks = tokens(text.value);
        this.placeholders(text);
        this.duplicateWords(text);
        this.unitMismatch(text, toks);
        if (year) this.years(text, year);
        this.changeStatements(text, toks);
        this.shares(text, toks, texts, false);
        this.lists(text, toks);
        this.completionRates(text, toks);
        c = { year, base: text.range.start, toks, findings: this.findings, changes: this.changes, cands: this.linkCandidates(text, toks) };
        [this.findings, this.changes] = [f0, ch0];
        this.cache?.set(text, c);
      }
      if (c.base !== text.range.start) {
        moveFindings(c.findings, text.range.start - c.base);
        c.base = text.range.start;
      }
      this.findings.push(...c.findings);
      this.changes.push(...c.changes);
      // What reads other texts or the tables is done every time.
      this.shares(text, c.toks, texts, true);
      this.linkToTables(text, c.cands);
      this.perfSummaries(text, c.toks);
    }
    this.oppositeDirections();
    return { findings: this.findings, links: this.links };
  }

  private byKind?: Map<string, Table[]>;
  private tablesOfKind(kind: string): Table[] {
    if (!this.byKind) {
      this.byKind = new Map();
      for (const t of this.report.tables) if (t.kind) this.byKind.set(t.kind, [...(this.byKind.get(t.kind) ?? []), t]);
    }
    return this.byKind.get(kind) ?? [];
  }

  private r(t: Text, s: number, e: number): Range {
    return textRange(t, s, e);
  }

  /**
   * A percentage in the text against the one computed (`how`: “a ÷ b = c%”): an error with the parts
   * as related notes and a fix writing the computed rate, or a 尾数误差 note under `rounding`.
   */
  private rate(rule: string, rr: Range, verdict: 'error' | 'rounding', computed: string, how: string, written: string, related: () => RelatedInfo[],
    say: { error: (computed: string, how: string, written: string) => string; fix: (computed: string) => string; rounding: (how: string, written: string, rule: string) => string }): void {
    if (verdict === 'error') {
      this.add({ rule, severity: 'error', range: rr, message: say.error(computed, how, written), related: related(), fixes: [{ title: say.fix(computed), edits: [{ range: rr, newText: `${computed}%` }] }] });
    } else {
      this.add({ rule: 'rounding', severity: 'information', range: rr, message: say.rounding(how, written, rule) });
    }
  }

  private add(f: Finding) {
    this.findings.push(f);
  }

  // ------------------------------------------------------------ template leftovers, typos
  placeholders(t: Text): void {
    const v = t.value;
    const re = /X{1,}\.X+%?|X{2,}%?|×{2,}|[增加减少增长下降]{2}（[增加减少增长下降]{2}）|（增长）|（下降）|（增加）|（减少）/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(v))) {
      this.add({ rule: 'text.placeholder', severity: 'error', range: this.r(t, m.index, m.index + m[0].length), message: l10n.t('模板占位符“{0}”没有替换成实际内容', m[0]) });
    }
    const g = /万(\d[\d,]*(?:\.\d+)?)元/g;
    while ((m = g.exec(v))) {
      const fixed = `${m[1]}万元`;
      this.add({
        rule: 'text.unit', severity: 'error', range: this.r(t, m.index, m.index + m[0].length),
        message: l10n.t('金额单位写错：“{0}”应为“{1}”', m[0], fixed),
        fixes: [{ title: l10n.t('改为“{0}”', fixed), edits: [{ range: this.r(t, m.index, m.index + m[0].length), newText: fixed }] }],
      });
    }
  }

  /** The same amount written with 万 (万元) and with 元 in one paragraph: one of the units is wrong. */
  unitMismatch(t: Text, toks: Tok[]): void {
    const v = t.value;
    for (const a of toks) {
      if (a.kind !== 'amount' || a.unit !== '元' || a.value.cmp(Decimal.fromInt(1)) < 0) continue;
      const ps = v.lastIndexOf('\n', a.start - 1) + 1;
      let pe = v.indexOf('\n', a.end);
      if (pe < 0) pe = v.length;
      const b = toks.find((x) => x !== a && x.kind === 'amount' && x.unit === '万元' && x.start >= ps && x.end <= pe && x.value.eq(a.value));
      if (!b) continue;
      const rr = this.r(t, a.start, a.end);
      this.add({
        rule: 'text.unit', severity: 'warning', range: rr, related: [{ range: this.r(t, b.start, b.end), message: l10n.t('同一段中写作 {0}', b.raw) }],
        message: l10n.t('同一金额 {0} 在同一段中一处写“{1}”，这里写“元”：单位可能写错', a.value.toString(), b.raw.replace(/^[-\d.,\s]+/, '')),
      });
    }
  }

  duplicateWords(t: Text): void {
    const re = new RegExp(DOUBLED.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(t.value))) {
      const rr = this.r(t, m.index, m.index + m[0].length);
      this.add({
        rule: 'text.duplicate', severity: 'warning', range: rr, message: l10n.t('“{0}”连写了两次', m[1]),
        fixes: [{ title: l10n.t('删去重复的“{0}”', m[1]), edits: [{ range: this.r(t, m.index + m[1].length, m.index + m[0].length), newText: '' }] }],
      });
    }
  }

  years(t: Text, year: number): void {
    const re = /(\d{4})年(?!\d{1,2}月)/g;
    let m: RegExpExecArray | null;
    for (const s of t.sentences) {
      re.lastIndex = 0;
      while ((m = re.exec(s.text))) {
        const y = Number(m[1]);
        if (y === year || y < year - 3 || y > year + 1) continue;
        // a comparison, a date or a history legitimately names another year
        const clauseStart = Math.max(s.text.lastIndexOf('，', m.index), s.text.lastIndexOf(',', m.index)) + 1;
        const clause = s.text.slice(clauseStart, Math.max(m.index + 12, s.text.indexOf('，', m.index) < 0 ? s.text.length : s.text.indexOf('，', m.index)));
        if (/相比|对比|比上|比\d{4}|较|上年|同比|持平|增加|减少|增长|下降|截至|截止|以前|结转|以来|前|上一|与\d{4}/.test(clause)) continue;
        if (y === year - 1 && this.report.meta?.type?.value.endsWith('预算')) continue; // a budget speaks of last year's execution
        const start = s.start + m.index;
        this.add({
          rule: 'text.year', severity: 'warning', range: this.r(t, start, start + m[0].length),
          message: l10n.t('这里写的是 {0} 年，而报告年度是 {1} 年（可能是沿用上年文稿未改）', y, year),
        });
      }
    }
  }

  // ------------------------------------------------------------ changes: 增加 A，增长 R%
  changeStatements(t: Text, toks: Tok[]): void {
    const v = t.value;
    const wordBefore = (tok: Tok, maxGap = 6): { word: string; start: number } | undefined => {
      const before = v.slice(Math.max(0, tok.start - maxGap - 2), tok.start);
      const m = /(增加|减少|增长|下降|上升|降低|提高)[ \t\u3000]*$/.exec(before);
      return m ? { word: m[1], start: tok.start - before.length + m.index } : undefined;
    };
    for (let i = 0; i < toks.length; i++) {
      const a = toks[i];
      if (a.kind !== 'amount') continue;
      const w = wordBefore(a);
      if (!w) continue;
      const dir: 'up' | 'down' = UP.includes(w.word) ? 'up' : 'down';
      const ch: Change = { text: t, dir, word: w.word, wordStart: w.start, amount: a };
      // the rate: the next token, a percentage with its own word, in the same sentence
      const next = toks[i + 1];
      if (next && next.kind === 'percent' && !/[。；;\n]/.test(v.slice(a.end, next.start))) {
        const rw = wordBefore(next);
        if (rw) {
          ch.rate = next;
          ch.rateWord = rw.word;
          ch.rateWordStart = rw.start;
        }
      }
      // the current amount: the nearest amount before it that is neither a change, a budget nor
      // a part of an enumeration (…万元，占 x%). In the same sentence, or — when the sentence
      // opens with a comparison (与上年相比…) — in the sentences before it.
      const isSubject = (c: Tok) =>
        c.kind === 'amount' && !wordBefore(c) && !/^[，,]?[ \t\u3000]*占/.test(v.slice(c.end, c.end + 4)) &&
        !/(年初预算|全年预算|预算数?为?)[ \t\u3000]*$/.test(v.slice(Math.max(0, c.start - 8), c.start));
      const sStart = sentenceStart(v, w.start);
      for (let j = i - 1; j >= 0; j--) {
        const c = toks[j];
        if (c.start < sStart) {
          if (!/^[ \t\u3000]*(与|比|较|同)/.test(v.slice(sStart, w.start))) break;
          // look back further: the nearest subject amount within six sentences
          let k = j;
          let boundaries = 0;
          let pos = sStart;
          while (k >= 0 && boundaries < 6) {
            const prevStart = sentenceStart(v, pos - 1);
            for (; k >= 0 && toks[k].start >= prevStart; k--) {
              if (isSubject(toks[k])) break;
            }
            if (k >= 0 && toks[k].start >= prevStart && isSubject(toks[k])) {
              ch.current = toks[k];
              ch.currentNear = boundaries === 0;
              break;
            }
            boundaries++;
            pos = prevStart;
            if (pos <= 0) break;
          }
          break;
        }
        if (isSubject(c)) {
          ch.current = c;
          ch.currentNear = true;
          break;
        }
      }
      this.checkChange(ch);
      this.changes.push(ch);
    }
    // 增加0 / 减少0 — the wording for no change is 持平
    const zero = /(增加|减少)(0)(个|辆|人|次|万元|%)/g;
    let m: RegExpExecArray | null;
    while ((m = zero.exec(v))) {
      this.add({
        rule: 'text.flat', severity: 'information', range: this.r(t, m.index, m.index + m[0].length),
        message: l10n.t('变化为 0，宜写“持平”，而不是“{0}”', `${m[1]}${m[2]}${m[3]}`),
      });
    }
  }

  private checkChange(ch: Change): void {
    const t = ch.text;
    const a = ch.amount;
    // the sign contradicts the word: 增加 -4.79万元
    if (a.value.sign() < 0) {
      const opposite = ch.dir === 'up' ? (ch.word === '增长' ? '下降' : '减少') : ch.word === '下降' ? '增长' : '增加';
      const edits = [{ range: this.r(t, ch.wordStart, a.start + 1), newText: `${opposite}${t.value.slice(ch.wordStart + ch.word.length, a.start)}` }];
      if (ch.rate && ch.rate.value.sign() < 0 && ch.rateWord && ch.rateWordStart !== undefined) {
        const ro = UP.includes(ch.rateWord) ? (ch.rateWord === '增长' ? '下降' : '减少') : ch.rateWord === '下降' ? '增长' : '增加';
        edits.push({ range: this.r(t, ch.rateWordStart, ch.rate.start + 1), newText: `${ro}${t.value.slice(ch.rateWordStart + ch.rateWord.length, ch.rate.start)}` });
      }
      this.add({
        rule: 'text.sign', severity: 'warning', range: this.r(t, ch.wordStart, a.end),
        message: l10n.t('“{0} {1}”：负数与“{0}”矛盾，应写作“{2} {3}”', ch.word, a.raw, opposite, a.raw.replace(/^-/, '')),
        fixes: [{ title: edits.length > 1 ? l10n.t('改为“{0}”并相应改写比率', `${opposite} ${a.raw.replace(/^-/, '')}`) : l10n.t('改为“{0}”', `${opposite} ${a.raw.replace(/^-/, '')}`), edits }],
      });
    }
    if (!ch.rate) return;
    const rate = ch.rate;
    const rateUp = UP.includes(ch.rateWord!);
    const amountUp = ch.dir === 'up' ? a.value.sign() >= 0 : a.value.sign() < 0;
    const rateIsUp = rateUp ? rate.value.sign() >= 0 : rate.value.sign() < 0;
    if (amountUp !== rateIsUp && !a.value.isZero() && !rate.value.isZero()) {
      this.add({
        rule: 'text.direction', severity: 'error', range: this.r(t, ch.rateWordStart!, rate.end),
        message: l10n.t('前面说“{0}”，这里却说“{1}”：增减方向前后矛盾', ch.word + a.raw, ch.rateWord + rate.raw),
      });
      return;
    }
    if (!ch.current || !ch.currentNear || a.unit === '%') return;
    // self-consistency: r = a / (c − a) for an increase, a / (c + a) for a decrease
    const A = a.wan.abs();
    const C = ch.current.wan;
    const base = amountUp ? C.sub(A) : C.add(A);
    const baseHalf = ch.current.half.add(a.half);
    const R = rate.value.abs();
    if (base.sub(baseHalf).sign() <= 0) {
      // a real rise from nothing has C = A; C < A means the current amount was not the subject
      if (!R.isZero() && amountUp && C.sub(A).abs().cmp(baseHalf) <= 0) {
        this.add({
          rule: 'text.zeroBase', severity: 'warning', range: this.r(t, ch.rateWordStart!, rate.end),
          message: l10n.t('上年数为 0（{0} − {1}），增长率“{2}”没有意义，宜只写增加额', fmt(ch.current.value), fmt(a.value.abs()), rate.raw),
        });
      }
      return;
    }
    const v = ratioVerdict(A, a.half, base, baseHalf, R);
    if (!v || v.verdict === 'ok') return;
    const prev = fmt(base);
    const msg = l10n.t('按本年 {0}、{1} {2} 推算上年为 {3}，{4}率应为 {5}%', ch.current.raw, ch.word, a.raw, prev + (a.unit === '元' ? '元' : '万元'), ch.rateWord ?? '', v.computed.toString());
    const rr = this.r(t, rate.start, rate.end);
    const newText = `${rate.value.sign() < 0 ? '-' : ''}${v.computed.toString()}%`;
    if (v.verdict === 'error') {
      this.add({
        rule: 'text.change', severity: 'error', range: rr, message: l10n.t('{0}，文中写的是 {1}', msg, rate.raw),
        related: [{ range: this.r(t, ch.current.start, ch.current.end), message: l10n.t('本年数：{0}', ch.current.raw) }, { range: this.r(t, a.start, a.end), message: l10n.t('变化额：{0}', a.raw) }],
        fixes: [{ title: l10n.t('将比率改为 {0}', newText), edits: [{ range: rr, newText }] }],
      });
    } else {
      this.add({ rule: 'rounding', severity: 'information', range: rr, message: l10n.t('{0}，文中写 {1}（在舍入误差以内，可能为尾数误差）［{2}］', msg, rate.raw, 'text.change') });
    }
  }

  /** The same total said to rise in one sentence and to fall in another. */
  oppositeDirections(): void {
    const seen = new Map<string, Change>();
    for (const b of this.changes) {
      if (!b.current || b.amount.wan.isZero()) continue;
      const key = `${b.current.wan.toString()}|${b.amount.wan.abs().toString()}`;
      const upB = (b.dir === 'up') === (b.amount.value.sign() >= 0);
      const a = seen.get(key);
      if (!a) {
        seen.set(key, b);
        continue;
      }
      const upA = (a.dir === 'up') === (a.amount.value.sign() >= 0);
      if (upA === upB) continue;
      this.add({
        rule: 'text.contradiction', severity: 'error', range: this.r(b.text, b.wordStart, b.amount.end),
        message: l10n.t('同一数额（{0}）前面说“{1}”，这里说“{2}”，增减说法相反', b.current.raw, a.word + a.amount.raw, b.word + b.amount.raw),
        related: [{ range: this.r(a.text, a.wordStart, a.amount.end), message: l10n.t('前面的说法：{0}', a.word + a.amount.raw) }],
      });
    }
  }

  // ------------------------------------------------------------ shares: 占 x%
  /** explicit: only the shares whose whole is named (占本年支出合计的 x%); otherwise only the others. */
  shares(t: Text, toks: Tok[], all: Array<{ text: Text }>, explicit: boolean): void {
    const v = t.value;
    for (let i = 0; i < toks.length; i++) {
      const p = toks[i];
      if (p.kind !== 'percent') continue;
      const before = v.slice(Math.max(0, p.start - 40), p.start);
      const m = /占(?:比)?(?:([^，。；、\d%]{2,30}?)的)?[ \t\u3000]*$/.exec(before);
      if (!m || !!m[1] !== explicit) continue;
      // the part: the amount just before 占, in the same clause
      const part = toks[i - 1];
      if (!part || part.kind !== 'amount' || /[。；;]/.test(v.slice(part.end, p.start)) || p.start - part.end > 12) continue;
      let whole: Tok | undefined;
      let wholeText = t;
      if (m[1]) {
        const found = this.findTermAmount(m[1], all);
        if (found) { whole = found.tok; wholeText = found.text; }
      } else {
        for (let j = i - 2; j >= 0; j--) {
          const c = toks[j];
          if (/。/.test(v.slice(c.end, part.start))) break; // the enumeration is one sentence
          if (c.kind !== 'amount') continue;
          const after = v.slice(c.end, c.end + 4);
          if (/^[，,]?[ \t\u3000]*占/.test(after)) continue; // another part of the same enumeration
          whole = c;
          break;
        }
      }
      if (!whole || whole.wan.cmp(part.wan) < 0) continue;
      const res = ratioVerdict(part.wan, part.half, whole.wan, whole.half, p.value);
      if (!res || res.verdict === 'ok') continue;
      this.rate('text.share', this.r(t, p.start, p.end), res.verdict, res.computed.toString(), `${part.raw} ÷ ${whole.raw} = ${res.computed.toString()}%`, p.raw,
        () => [{ range: this.r(t, part.start, part.end), message: l10n.t('部分：{0}', part.raw) }, { range: this.r(wholeText, whole.start, whole.end), message: l10n.t('总数：{0}', whole.raw) }], {
          error: (c, m, w) => l10n.t('占比应为 {0}%（{1}），文中写的是 {2}', c, m, w),
          fix: (c) => l10n.t('将占比改为 {0}%', c),
          rounding: (m, w, rule) => l10n.t('占比按 {0}，文中写 {1}（在舍入误差以内，可能为尾数误差）［{2}］', m, w, rule),
        });
    }
  }

  /** The first amount that directly follows a term anywhere in the narrative ("本年支出合计702.98万元"). */
  private findTermAmount(term: string, all: Array<{ text: Text }>): { tok: Tok; text: Text } | undefined {
    const n = normName(term);
    for (const { text } of all) {
      let idx = text.value.indexOf(n);
      while (idx >= 0) {
        const after = text.value.slice(idx + n.length, idx + n.length + 8);
        const m = /^(?:为|是|共计|合计)?[ \t\u3000]*(-?[\d,]+(?:\.\d+)?)[ \t\u3000]*(万元|元|亿元)/.exec(after);
        if (m) {
          const tok = tokens(text.value.slice(idx + n.length)).find((x) => x.start === m[0].indexOf(m[1]));
          if (tok) return { tok: { ...tok, start: tok.start + idx + n.length, end: tok.end + idx + n.length }, text };
        }
        idx = text.value.indexOf(n, idx + 1);
      }
    }
    return undefined;
  }

  // ------------------------------------------------------------ lists: 其中 / 主要包括
  lists(t: Text, toks: Tok[]): void {
    const v = t.value;
    const re = /(主要包括|其中|包括|安排为)[：:]?/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(v))) {
      const kw = m[1];
      const at = m.index;
      // the total: the nearest amount before the keyword in the same paragraph that is not a change
      const paraStart = v.lastIndexOf('\n', at - 1) + 1;
      let total: Tok | undefined;
      for (let j = toks.length - 1; j >= 0; j--) {
        const c = toks[j];
        if (c.end > at) continue;
        if (c.start < paraStart) break;
        if (c.kind !== 'amount') break;
        if (/(增加|减少|增长|下降)[ \t\u3000]*$/.test(v.slice(Math.max(0, c.start - 4), c.start))) continue;
        if (/[。；;]/.test(v.slice(c.end, at)) && kw === '其中') break;
        total = c;
        break;
      }
      if (!total) continue;
      let end = v.indexOf('。', at);
      if (end < 0) end = v.length;
      const span = v.slice(at + m[0].length, end);
      if (/(主要包括|其中|包括)[：:]/.test(span)) continue; // a nested list: say less
      // items that pair a budget with an actual, or speak of changes, are not parts of the total
      if (/全年预算|年初预算|预算数|支出决算|决算数|执行数|相比|比上年|较上年|增加|减少|增长|下降|完成|人次|批次|辆/.test(span)) continue;
      const from = at + m[0].length;
      const parts = toks.filter((x) => x.kind === 'amount' && x.start >= from && x.end <= end);
      if (parts.length === 0) continue;
      const cmp = compareSum(total.wan, parts.map((x) => x.wan));
      const sumText = cmp.computed.rescale(Math.max(...parts.map((x) => x.value.scale), total.value.scale)).toString();
      if (cmp.verdict === 'ok' || cmp.diff.sign() > 0 && cmp.verdict === 'error') continue; // fewer parts than the whole is allowed
      const rr = this.r(t, total.start, total.end);
      const related = parts.map((x) => ({ range: this.r(t, x.start, x.end), message: x.raw }));
      if (cmp.verdict === 'error') {
        this.add({ rule: 'text.sum', severity: 'error', range: rr, related, message: l10n.t('“{0}”所列各项之和 {1}万元 超过总数 {2}（差 {3}）', kw, sumText, total.raw, cmp.diff.abs().toString()) });
      } else {
        this.add({ rule: 'rounding', severity: 'information', range: rr, related, message: l10n.t('“{0}”所列各项之和 {1}万元 ≠ {2}（差 {3}，在舍入误差以内，可能为尾数误差）［{4}］', kw, sumText, total.raw, cmp.diff.abs().toString(), 'text.sum') });
      }
    }
  }

  // ------------------------------------------------------------ 完成（年初）预算的 Z%
  completionRates(t: Text, toks: Tok[]): void {
    const v = t.value;
    for (let i = 0; i < toks.length; i++) {
      const z = toks[i];
      if (z.kind !== 'percent') continue;
      if (!/完成(?:年初|全年)?预算(?:数)?的[ \t\u3000]*$/.test(v.slice(Math.max(0, z.start - 12), z.start))) continue;
      const pair = budgetAndActual(v, toks, z.start);
      if (!pair) continue;
      const [P, Q] = pair;
      const rr = this.r(t, z.start, z.end);
      if (P.wan.sub(P.half).sign() <= 0) {
        this.add({ rule: 'text.zeroBase', severity: 'warning', range: rr, message: l10n.t('预算数为 {0}，完成率“{1}”没有意义', P.raw, z.raw) });
        continue;
      }
      const res = ratioVerdict(Q.wan, Q.half, P.wan, P.half, z.value);
      if (!res || res.verdict === 'ok') continue;
      this.rate('text.completion', rr, res.verdict, res.computed.toString(), `${Q.raw} ÷ ${P.raw} = ${res.computed.toString()}%`, z.raw,
        () => [{ range: this.r(t, P.start, P.end), message: l10n.t('预算数：{0}', P.raw) }, { range: this.r(t, Q.start, Q.end), message: l10n.t('决算（执行）数：{0}', Q.raw) }], {
          error: (c, m, w) => l10n.t('完成率应为 {0}%（{1}），文中写的是 {2}', c, m, w),
          fix: (c) => l10n.t('将完成率改为 {0}%', c),
          rounding: (m, w, rule) => l10n.t('完成率按 {0}，文中写 {1}（在舍入误差以内，可能为尾数误差）［{2}］', m, w, rule),
        });
    }
    // a placeholder where the rate can be computed: 年初预算 P万元，支出决算 Q万元，完成年初预算的XX.X%
    for (const m of v.matchAll(/完成(?:年初|全年)?预算(?:数)?的[ \t\u3000]*(X+(?:\.X+)?%)/g)) {
      const at = m.index! + m[0].length - m[1].length;
      const pair = budgetAndActual(v, toks, at);
      if (!pair || pair[0].wan.sub(pair[0].half).sign() <= 0) continue;
      const [budget, actual] = pair;
      const decimals = (m[1].split('.')[1] ?? '').replace('%', '').length;
      const computed = actual.wan.mul(HUNDRED).div(budget.wan, decimals);
      const rr = this.r(t, at, at + m[1].length);
      const f = this.findings.find((x) => x.rule === 'text.placeholder' && x.range.start === rr.start);
      if (f) f.fixes = [{ title: l10n.t('改为计算值 {0}%（{1} ÷ {2}）', computed.toString(), actual.raw, budget.raw), edits: [{ range: rr, newText: `${computed.toString()}%` }] }];
    }
  }

  // ------------------------------------------------------------ 项目自评综述 against its 绩效自评表
  /**
   * A paragraph that opens with a project's name ("2.口岸运转费项目自评综述：…项目自评得分100.00分。全年预算数为
   * 180.00万元，执行数为180.00万元") is compared with that project's 绩效自评表: the score with 合计得分
   * (exactly: points are not rounded), the amounts with 年度资金总额 (by the interval rule).
   */
  perfSummaries(t: Text, toks: Tok[]): void {
    if (this.report.perf.length === 0) return;
    const v = t.value;
    let lineStart = 0;
    while (lineStart < v.length) {
      let lineEnd = v.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = v.length;
      const line = v.slice(lineStart, lineEnd);
      const head = line.replace(/^[ \t\u3000]*(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)?[ \t\u3000]*/, '');
      const p = this.report.perf
        .filter((x) => x.project && head.startsWith(x.project))
        .sort((a, b) => b.project.length - a.project.length)[0];
      if (p) {
        const base = lineStart;
        const score = /得分(?:为)?[ \t\u3000]*(\d+(?:\.\d+)?)[ \t\u3000]*分/.exec(line);
        if (score && p.totalScore?.value) {
          const r = readNumeral(score[1]);
          if (r.ok && !r.value.eq(p.totalScore.value)) {
            const s0 = base + score.index + score[0].indexOf(score[1]);
            this.add({
              rule: 'text.perf', severity: 'error', range: this.r(t, s0, s0 + score[1].length),
              message: l10n.t('“{0}”的自评得分文中写 {1} 分，而其绩效自评表合计得分为 {2} 分', p.project, score[1], p.totalScore.raw),
              related: [{ range: p.totalScore.range, message: l10n.t('绩效自评表合计得分：{0}', p.totalScore.raw) }],
            });
          }
        }
        const funds = p.funds;
        const first = funds?.rows[0];
        const pairs: Array<[RegExp, RegExp]> = [[/全年预算数(?:为)?[ \t\u3000]*$/, /^(全年预算数|全年预算|调整后预算数)$/], [/执行数(?:为)?[ \t\u3000]*$/, /^(全年执行数|预算执行数|执行数)$/]];
        for (const [before, col] of pairs) {
          if (!funds || !first) break;
          const ci = funds.columns.findIndex((c) => col.test(c.name));
          const cell = ci >= 0 ? first.cells[ci] : undefined;
          if (!cell || cell.kind !== 'amount' || !cell.value) continue;
          const tok = toks.find((x) => x.kind === 'amount' && x.start >= lineStart && x.end <= lineEnd && before.test(v.slice(Math.max(lineStart, x.start - 10), x.start)));
          if (!tok) continue;
          const diff = tok.wan.sub(cell.value).abs();
          if (diff.cmp(tok.half.add(cell.value.halfUlp())) <= 0) continue;
          this.add({
            rule: 'text.perf', severity: 'error', range: this.r(t, tok.start, tok.end),
            message: l10n.t('“{0}”的{1}文中写 {2}，而其绩效自评表为 {3}万元', p.project, funds.columns[ci].name, tok.raw, cell.raw),
            related: [{ range: cell.range, message: l10n.t('绩效自评表{0}（{1}）：{2}', first.name, funds.columns[ci].name, cell.raw) }],
          });
        }
      }
      lineStart = lineEnd + 1;
    }
  }

  // ------------------------------------------------------------ amounts against the tables
  /** Amounts preceded by exactly a linkable term (text only: cached with the text). */
  linkCandidates(t: Text, toks: Tok[]): LinkCandidate[] {
    const out: LinkCandidate[] = [];
    const unitName = this.report.meta?.unitName?.value ?? '\u0000';
    const v = t.value;
    for (const tok of toks) {
      if (tok.kind !== 'amount') continue;
      let clauseStart = tok.start;
      while (clauseStart > 0 && !/[，。；：、\n,;]/.test(v[clauseStart - 1]) && tok.start - clauseStart < 80) clauseStart--;
      let prefix = v.slice(clauseStart, tok.start).trim();
      if (!prefix || prefix.length > 60) continue;
      prefix = prefix.split(unitName).join('');
      prefix = prefix.replace(/^[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+、)?/, '');
      prefix = prefix.replace(/^\d{4}年度?[，,]?/, '').replace(/^其中[：:]?/, '').replace(/(为|是)$/, '').trim();
      if (!prefix) continue;
      const link = LINK_BY_TERM.get(prefix);
      if (link) {
        out.push({ tok, prefix, link });
        continue;
      }
      // 201（一般公共服务）13（商贸事务）08（招商引资）: 支出决算为299.97万元 → that 科目's row
      const sStart = sentenceStart(v, tok.start);
      const m = /(\d{3})\s*[（(][^）)]{1,30}[）)]\s*(\d{2})\s*[（(][^）)]{1,30}[）)](?:\s*(\d{2})\s*[（(]([^）)]{1,30})[）)])?\s*[:：]?\s*(?:支出决算|决算数|支出)?(?:为|是)?\s*$/.exec(v.slice(sStart, tok.start));
      if (m) {
        const code = m[1] + m[2] + (m[3] ?? '');
        out.push({ tok, prefix: code, link: { terms: [], table: '决算05|决算03', row: `code:${code}`, column: '小计|合计|本年支出合计' } });
      }
    }
    return out;
  }

  linkToTables(t: Text, cands: LinkCandidate[]): void {
    if (this.report.tables.length === 0) return;
    for (const { tok, prefix, link } of cands) {
      const kind = link.table.split('|').find((k) => this.tablesOfKind(k).length > 0);
      const ofKind = kind ? this.tablesOfKind(kind) : [];
      if (ofKind.length !== 1) continue; // none, or several (部门 and 单位 tables): which one is meant is not certain
      const table = ofKind[0];
      const part = link.part ? table.parts.find((p) => p.name === link.part) ?? table.parts.find((p) => p.side === link.part) : table.parts[0];
      if (!part) continue;
      const row = link.row === '*' ? (part.rows.length === 1 ? part.rows[0] : undefined)
        : link.row.startsWith('code:') ? part.rows.find((r) => r.code === link.row.slice(5))
        : part.rows.find((r) => normName(r.name) === normName(link.row));
      const ci = link.column.split('|').map((c) => part.columns.findIndex((x) => x.name === c || x.path[x.path.length - 1] === c)).find((i) => i >= 0) ?? -1;
      if (!row || ci < 0) continue;
      const cell = row.cells[ci];
      if (!cell || cell.kind !== 'amount' || !cell.value) continue;
      const cellWan = table.unit === '元' ? cell.value.shift(-4) : cell.value;
      const cellHalf = table.unit === '元' ? cell.value.halfUlp().shift(-4) : cell.value.halfUlp();
      const diff = tok.wan.sub(cellWan).abs();
      const tol = tok.half.add(cellHalf);
      const verdict = diff.isZero() ? 'ok' : diff.cmp(tol) <= 0 ? 'rounding' : 'error';
      const where = l10n.t('{0} {1}（{2}）', table.number?.value ?? table.title, row.name, part.columns[ci].name);
      const rr = this.r(t, tok.start, tok.end);
      this.links.push({ range: rr, text: tok.raw, cell, where, verdict });
      if (verdict === 'error') {
        const fixed = `${cellWan.toString()}万元`;
        this.add({
          rule: 'text.table', severity: 'error', range: rr, related: [{ range: cell.range, message: `${where}：${cell.raw}` }],
          message: l10n.t('“{0}”文中写 {1}，而{2}为 {3}', prefix, tok.raw, where, cell.raw + (table.unit === '元' ? '元' : '万元')),
          fixes: tok.unit === '万元' ? [{ title: l10n.t('改为表中的 {0}', fixed), edits: [{ range: rr, newText: fixed }] }] : undefined,
        });
      } else if (verdict === 'rounding') {
        this.add({ rule: 'rounding', severity: 'information', range: rr, related: [{ range: cell.range, message: l10n.t('{0}：{1}', where, cell.raw) }], message: l10n.t('“{0}”文中写 {1}，{2}为 {3}（在舍入误差以内）［{4}］', prefix, tok.raw, where, cell.raw, 'text.table') });
      }
    }
  }
}

export function checkNarrative(report: Report, cache?: NarrativeCache): NarrativeResult {
  return new NarrativeChecker(report, cache).run();
}

// ==================================================================== the rules of this module
/*
 * The 情况说明 checks still run as one pass (NarrativeChecker above) while they are being split into a
 * file per rule; each rule id has its own entry in the registry. A rounding note carries its rule
 * as data (Finding.rounding), not in its message.
 */
const NARRATIVE: Array<[string, RuleMeta['severity'], string, string, string, RuleMeta['fixable']?]> = [
  ['text.table', 'error', '情况说明中的金额与表中对应的数不符', 'An amount in the narrative differs from the table cell it names', '“本年支出合计”文中写 702.98万元，而公开01表 本年支出合计（金额）为 703.98万元', 'number'],
  ['text.share', 'error', '占比与两个金额不符（部分 ÷ 总数）', 'A share does not follow from its part and whole', '占比应为 31.94%（224.55万元 ÷ 702.98万元 = 31.94%），文中写的是 31.49%', 'number'],
  ['text.change', 'error', '增减率与本年数、增减额不符', 'A rate of change does not follow from the amounts', '按本年 702.98万元、增加 95.83万元 推算上年为 607.15万元，增长率应为 15.78%，文中写的是 15.87%', 'number'],
  ['text.completion', 'error', '完成预算的百分比与预算数、决算数不符', 'A completion rate does not follow from the budget and the actual', '完成率应为 96.00%（96.00万元 ÷ 100.00万元 = 96.00%），文中写的是 95.00%', 'number'],
  ['text.sum', 'error', '“其中/包括”所列各项之和超过总数', 'The items of a 其中/包括 list add up to more than the total', '“其中”所列各项之和 120.00万元 超过总数 100.00万元（差 20.00）'],
  ['text.sign', 'warning', '增减词与负数矛盾（增加 -4.79万元）', 'A change word contradicts a negative amount', '“增加 -4.79万元”：负数与“增加”矛盾，应写作“减少 4.79万元”', 'safe'],
  ['text.direction', 'error', '同一句中增减额与增减率的方向相反', 'The amount and the rate of one change go opposite ways', '前面说“增加95.83万元”，这里却说“下降15.78%”：增减方向前后矛盾'],
  ['text.contradiction', 'error', '同一数额前面说增加、后面说减少', 'The same change said to rise in one sentence and to fall in another', '同一数额（702.98万元）前面说“增加95.83万元”，这里说“减少95.83万元”，增减说法相反'],
  ['text.zeroBase', 'warning', '上年数（或预算数）为 0 时的增长率、完成率没有意义', 'A rate on a zero base means nothing', '上年数为 0（5.00 − 5.00），增长率“100%”没有意义，宜只写增加额'],
  ['text.flat', 'information', '变化为 0 时宜写“持平”', 'No change is written 持平', '变化为 0，宜写“持平”，而不是“增加0万元”'],
  ['text.placeholder', 'error', '模板占位符（XX、XXX、增加（减少））没有替换成实际内容', 'A template placeholder left in the text', '模板占位符“XX.X%”没有替换成实际内容', 'safe'],
  ['text.unit', 'error', '金额单位写错（万5.00元），或同一金额一处写万元、一处写元', 'A wrong amount unit', '金额单位写错：“万5.00元”应为“5.00万元”', 'safe'],
  ['text.duplicate', 'warning', '同一个词连写两次（支出支出）', 'A word written twice in a row', '“支出”连写了两次', 'safe'],
  ['text.year', 'warning', '情况说明中出现与报告年度不符的年份（可能沿用了上年文稿）', 'A year other than the report\'s (perhaps last year\'s text)', '这里写的是 2022 年，而报告年度是 2023 年（可能是沿用上年文稿未改）'],
  ['text.perf', 'error', '项目自评综述中的得分、金额与其绩效自评表不符', 'A project summary differs from its performance self-evaluation table', '“口岸运转费”的自评得分文中写 98 分，而其绩效自评表合计得分为 100 分'],
];

const TAG = /[［[]([\w.]+)[］\]]$/;
const cache: NarrativeCache = new WeakMap();

export const rules: Rule[] = NARRATIVE.map(([id, severity, description, descriptionEn, example, fixable], i) => ({
  meta: { id, group: 'narrative', severity, fixable, description, descriptionEn, example, messages: {} },
  run: i !== 0 ? undefined : (ctx) => {
    const res = new NarrativeChecker(ctx.model, cache).run();
    // the pass reads every text for every text.* rule (until each rule is its own file)
    const texts = [...allSections(ctx.model.narrative), ...allSections(ctx.model.others)].filter((s) => s.body).length;
    if (texts) for (const [id] of NARRATIVE) ctx.examined(texts, id);
    for (const f of res.findings) {
      if (f.rule === 'rounding') {
        const tag = TAG.exec(f.message);
        ctx.rounding({ rule: tag?.[1] ?? 'text.table', range: f.range, related: f.related, message: tag ? f.message.slice(0, tag.index).trimEnd() : f.message });
      } else ctx.report({ rule: f.rule, range: f.range, message: f.message, severity: f.severity, related: f.related, fixes: f.fixes?.map((fx) => ({ ...fx, safe: NARRATIVE.find((n) => n[0] === f.rule)?.[5] === 'safe' })) });
    }
    for (const l of res.links) ctx.link(l);
  },
}));

export type { NarrativeLink };
