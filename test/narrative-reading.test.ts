/**
 * The reading the 情况说明 rules share (server/src/service/narrative/): what it makes of a text, asserted
 * directly — the numbering of paragraphs and the lists they make, the amounts and their intervals, labelled
 * figures by report type and year, change statements and their current amounts, rate changes between two
 * figures, 决算/预算 comparisons, lists and their totals, 科目 paths, sentences and clauses. The rule files
 * (test/rules/text-*.test.ts) specify what the rules say; these cases pin the reading where a rule's
 * cases cannot tell two readings apart (Stryker's survivors in narrative/).
 */
import * as assert from 'assert';
import { Decimal } from '../server/src/service/decimal';
import { numbering, numberedLines, listItems } from '../server/src/service/narrative/items';
import { Tok, tokens, TOKEN } from '../server/src/service/narrative/tokens';
import { readNumeral } from '../server/src/service/decimal';
import { figures, LABEL, labelBefore, ReadingContext, sameColumn } from '../server/src/service/narrative/figures';
import { narrativeTexts } from '../server/src/service/narrative/reader';
import { parseReport } from '../server/src/service/frontends/report-parser';
import { corpus } from './helpers/corpus';
import fc from 'fast-check';
import { readText } from '../server/src/service/narrative/reader';
import { changeBase, directions, rateVerdict, wordBefore } from '../server/src/service/narrative/changes';
import { kemuPaths, pathCode, SEGMENT, segments } from '../server/src/service/narrative/kemu-path';
import { ratioByDecimals, ratioOnIntegers, ratioVerdict, sameAmount } from '../server/src/service/narrative/ratio';
import { clauseStart, lines, paragraphAt, sentenceEnd, sentenceStart } from '../server/src/service/narrative/sentences';
import { firstFrom, within } from '../server/src/service/narrative/search';
import { compareSign, isWhite, RE } from '../server/src/service/narrative/phrases';
import { sharesOf, wholeInSentence } from '../server/src/service/rules/narrative/share';

const JUE23: ReadingContext = { year: 2023, budget: false, unitName: '' };
const YU26: ReadingContext = { year: 2026, budget: true, unitName: '' };
const d = (s: string) => Decimal.parse(s)!;

/**
 * A quick reading checked against the slow one it stands for: `same` asserts that they agree on a text and
 * returns how many things it found there; run on every text of every sample, and on random texts of `words`.
 */
function agreesWithSlowReading(same: (v: string) => number, o: { samples: string; random: string; words: string[]; maxLength: number; what: string; inSamples: number; inRandom: number }): void {
  it(o.samples, () => {
    let n = 0;
    for (const f of corpus()) for (const { text } of narrativeTexts(parseReport(f.text, f.syntax).report)) n += same(text.value);
    assert.ok(n > o.inSamples, `${n} ${o.what}`);
  });
  it(o.random, () => {
    let n = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...o.words), { maxLength: o.maxLength }), (ws) => { n += same(ws.join('')); }), { numRuns: 3000 });
    assert.ok(n > o.inRandom, `${n} ${o.what}`);
  });
}

describe('narrative reading: numbered paragraphs', () => {
  it('reads each numbering style with its number and the length of the mark', () => {
    const cases: Array<[string, ReturnType<typeof numbering>]> = [
      ['一、说明', { style: 'cn', n: 1, length: 2 }],
      ['十、x', { style: 'cn', n: 10, length: 2 }],
      ['十二、x', { style: 'cn', n: 12, length: 3 }],
      ['二十、x', { style: 'cn', n: 20, length: 3 }],
      ['二十三、x', { style: 'cn', n: 23, length: 4 }],
      ['（一）x', { style: 'pcn', n: 1, length: 3 }],
      ['(十一)x', { style: 'pcn', n: 11, length: 4 }],
      ['（3）x', { style: 'pnum', n: 3, length: 3 }],
      ['1、x', { style: 'num', n: 1, length: 2 }],
      ['12.x', { style: 'num', n: 12, length: 3 }],
      ['1．x', { style: 'num', n: 1, length: 2 }],
      ['2. 项目', { style: 'num', n: 2, length: 3 }],
      ['1.201（一般公共服务）', { style: 'num', n: 1, length: 2 }],
      ['  （二）x', { style: 'pcn', n: 2, length: 5 }],
      ['3.5万元', undefined],
      ['100、x', undefined],
      ['x', undefined],
    ];
    for (const [line, want] of cases) assert.deepStrictEqual(numbering(line), want, line);
  });

  it('numbered lines know where their heading text starts and their line ends', () => {
    assert.deepStrictEqual(numberedLines('说明\n1.甲\n（二）乙'), [
      { style: 'num', n: 1, start: 3, headStart: 5, lineEnd: 6 },
      { style: 'pcn', n: 2, start: 7, headStart: 10, lineEnd: 11 },
    ]);
  });

  const items = (v: string, from: number, gap = 0) => listItems(v, numberedLines(v), from, gap).map((i) => [i.numbered.n, v.slice(i.start, i.end)]);

  it('a list runs over the paragraphs numbered 1, 2, 3 … of one style', () => {
    assert.deepStrictEqual(items('其中：\n1.甲\n2.乙\n3.丙', 3), [[1, '1.甲'], [2, '2.乙'], [3, '3.丙']]);
    assert.deepStrictEqual(items('其中：\n\n1.甲\n2.乙', 3), [[1, '1.甲'], [2, '2.乙']], 'a blank line before it');
  });

  it('a list starts at 1, right after its introduction (or after as many lines as allowed)', () => {
    assert.deepStrictEqual(items('其中：\n2.甲\n3.乙', 3), []);
    assert.deepStrictEqual(items('其中：\n说明\n1.甲\n2.乙', 3), []);
    assert.deepStrictEqual(items('其中：\n说明\n1.甲\n2.乙', 3, 1), [[1, '1.甲'], [2, '2.乙']]);
    assert.deepStrictEqual(items('其中', 2), [], 'no numbered line after it');
  });

  it('a gap in the numbering ends the list', () => {
    assert.deepStrictEqual(items('其中：\n1.甲\n3.丙', 3), [[1, '1.甲\n3.丙']]);
  });

  it('paragraphs of another style belong to the item above while the list goes on; after its last item they end it', () => {
    assert.deepStrictEqual(items('其中：\n1.甲\n（1）子\n（2）子\n2.乙\n（一）后', 3), [[1, '1.甲\n（1）子\n（2）子'], [2, '2.乙']]);
    assert.deepStrictEqual(items('其中：\n1.甲\n2.乙\n（一）后\n3.丙', 3), [[1, '1.甲'], [2, '2.乙\n（一）后'], [3, '3.丙']]);
    assert.deepStrictEqual(items('其中：\n1.甲\n（一）别\n2.乙', 3), [[1, '1.甲\n（一）别'], [2, '2.乙']]);
    assert.deepStrictEqual(items('其中：\n1.甲\n2.乙\n说明\n二、后', 3), [[1, '1.甲'], [2, '2.乙\n说明']], 'unnumbered lines go with the item above');
  });
});

describe('narrative reading: amounts and percentages', () => {
  const read = (v: string) => tokens(v).map((t) => [t.kind, t.value.toString(), t.wan.toString(), t.half.toString(), t.unit, t.start, t.end, t.raw]);

  it('converts 元 and 亿元 to 万元 exactly, with the half-width of the interval each stands for', () => {
    assert.deepStrictEqual(read('支出5.00万元'), [['amount', '5.00', '5.00', '0.005', '万元', 2, 8, '5.00万元']]);
    assert.deepStrictEqual(read('1.2亿元'), [['amount', '1.2', '12000', '500', '亿元', 0, 5, '1.2亿元']]);
    assert.deepStrictEqual(read('3,800.00元'), [['amount', '3800.00', '0.380000', '0.0000005', '元', 0, 9, '3,800.00元']]);
    assert.deepStrictEqual(read('1,234万元'), [['amount', '1234', '1234', '0.5', '万元', 0, 7, '1,234万元']]);
    assert.deepStrictEqual(read('-4.79万元'), [['amount', '-4.79', '-4.79', '0.005', '万元', 0, 7, '-4.79万元']]);
  });

  it('reads 万 alone before punctuation or a line break, not before another word (万人次)', () => {
    assert.deepStrictEqual(read('180.00万，'), [['amount', '180.00', '180.00', '0.005', '万元', 0, 7, '180.00万']]);
    assert.deepStrictEqual(read('180.00万\n'), [['amount', '180.00', '180.00', '0.005', '万元', 0, 7, '180.00万']]);
    assert.deepStrictEqual(read('180.00万人次'), []);
  });

  it('percentages of either width, spaces before the sign', () => {
    assert.deepStrictEqual(read('12.5％'), [['percent', '12.5', '12.5', '0.05', '%', 0, 5, '12.5％']]);
    assert.deepStrictEqual(read('2.5 %'), [['percent', '2.5', '2.5', '0.05', '%', 0, 5, '2.5 %']]);
  });

  it('skips a number that is part of a longer one or of a garbled unit (万5.00元)', () => {
    assert.deepStrictEqual(read('万5.00元'), []);
    assert.deepStrictEqual(read('1.2.3万元'), []);
    assert.deepStrictEqual(read('第12345.6元'), [['amount', '12345.6', '1.23456', '0.000005', '元', 1, 9, '12345.6元']]);
  });
});

describe('narrative reading: labelled figures', () => {
  const figs = (v: string, rc: ReadingContext) => figures(v, tokens(v), rc).map((f) => [f.kind, f.label, f.labelStart, f.start]);

  it('a 决算 reads 年初预算, 全年预算, 决算 as they are, and an earlier year’s or 上年 figure as the base', () => {
    assert.deepStrictEqual(figs('年初预算为100.00万元', JUE23), [['initial', '年初预算', 0, 5]]);
    assert.deepStrictEqual(figs('全年预算数 100万元', JUE23), [['full', '全年预算数', 0, 6]]);
    assert.deepStrictEqual(figs('支出决算：96.00万元', JUE23), [['actual', '支出决算', 0, 5]]);
    assert.deepStrictEqual(figs('执行数为50万元', JUE23), [['actual', '执行数', 0, 4]]);
    assert.deepStrictEqual(figs('2022年决算为100.00万元', JUE23), [['base', '决算', 0, 8]]);
    assert.deepStrictEqual(figs('2022年执行数为50万元', JUE23), [['base', '执行数', 0, 9]]);
    assert.deepStrictEqual(figs('上年决算数为100.00万元', JUE23), [['base', '决算数', 0, 6]]);
    assert.deepStrictEqual(figs('2023年预算安排100.00万元', JUE23), [['budget', '预算安排', 0, 9]], 'a 决算’s 预算安排 is its budget');
  });

  it('a budget reads its year’s 预算安排 as planned, last year’s 执行数 or 预算安排 as the base', () => {
    assert.deepStrictEqual(figs('2025年当年预算执行数为77.99万元', YU26), [['base', '预算执行数', 0, 13]]);
    assert.deepStrictEqual(figs('2026年预算安排91.97万元', YU26), [['planned', '预算安排', 0, 9]]);
    assert.deepStrictEqual(figs('2025年预算安排91.97万元', YU26), [['base', '预算安排', 0, 9]]);
    assert.deepStrictEqual(figs('执行数为50万元', YU26), [['actual', '执行数', 0, 4]]);
  });

  it('without the report’s year, a year before the label makes no base', () => {
    assert.deepStrictEqual(figs('2022年预算数为50万元', { year: 0, budget: false, unitName: '' }), [['budget', '预算数', 0, 9]]);
  });

  it('the label must stand within 30 characters before the amount, in its clause; a percentage is no figure', () => {
    assert.deepStrictEqual(figs('年初预算为这一年里各项工作安排的经费共计大约是一百万即100.00万元', JUE23), []);
    assert.deepStrictEqual(figs('年初预算为100.00%', JUE23), []);
    assert.deepStrictEqual(figs('说明，年初预算为100.00万元', JUE23), [['initial', '年初预算', 3, 8]]);
  });

  it('figures that sum in one column: one kind, or 预算数 with a budget of any kind', () => {
    assert.ok(sameColumn('initial', 'initial'));
    assert.ok(sameColumn('initial', 'budget') && sameColumn('budget', 'full'));
    assert.ok(!sameColumn('initial', 'full'));
    assert.ok(!sameColumn('actual', 'budget'));
  });
});

describe('narrative reading: changes', () => {
  const changes = (v: string) => readText(v, JUE23).changes.map((x) => [x.dir, x.word, x.wordStart, x.amount.raw, x.rate?.raw, x.rateWord, x.rateWordStart, x.current?.raw, x.currentNear]);

  it('a change with its rate and the current amount of its sentence', () => {
    assert.deepStrictEqual(changes('本年支出合计110.00万元，比上年减少10.00万元，下降9.09%。'), [['down', '减少', 18, '10.00万元', '9.09%', '下降', 28, '110.00万元', true]]);
    assert.deepStrictEqual(changes('合计5.00万元，增加 1.00万元，提高20%'), [['up', '增加', 9, '1.00万元', '20%', '提高', 19, '5.00万元', true]]);
  });

  it('the rate is the next percentage with its own word, in the same sentence', () => {
    assert.deepStrictEqual(changes('本年支出合计110.00万元，增加10.00万元。下降5%。'), [['up', '增加', 15, '10.00万元', undefined, undefined, undefined, '110.00万元', true]]);
    assert.deepStrictEqual(changes('增加5%'), [], 'a percentage alone is no change by an amount');
  });

  it('a sentence that opens with its base takes the current amount from the sentences before (near: the one just before)', () => {
    assert.deepStrictEqual(changes('本年支出合计110.00万元。与上年相比，增加10.00万元。'), [['up', '增加', 21, '10.00万元', undefined, undefined, undefined, '110.00万元', true]]);
    assert.deepStrictEqual(changes('本年支出合计110.00万元。说明。与上年相比，增加10.00万元。'), [['up', '增加', 24, '10.00万元', undefined, undefined, undefined, '110.00万元', false]]);
    assert.deepStrictEqual(changes('a1.00万元。b。c。d。e。f。与上年相比，增加10.00万元。').map((c) => c[7]), ['1.00万元'], 'six sentences back');
    assert.deepStrictEqual(changes('a1.00万元。b。c。d。e。f。g。与上年相比，增加10.00万元。').map((c) => c[7]), [undefined], 'seven sentences back: too far');
  });

  it('a share part or a budget is no current amount', () => {
    assert.deepStrictEqual(changes('基本支出50.00万元，占50%，比上年增加10.00万元。').map((c) => c[7]), [undefined]);
    assert.deepStrictEqual(changes('年初预算100.00万元，增加10.00万元。').map((c) => c[7]), [undefined]);
  });

  it('rate changes between two figures: the word, the rate, the direction, and the item’s heading amount', () => {
    const rcs = (v: string) => readText(v, YU26).rateChanges.map((r) => [r.base.tok.raw, r.current.tok.raw, r.word, r.wordStart, r.rate?.raw, r.dir, r.heading?.raw]);
    assert.deepStrictEqual(rcs('2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，比2025年预算执行数增加20.00%。'), [['100.00万元', '120.00万元', '增加', 51, '20.00%', 'up', undefined]]);
    assert.deepStrictEqual(rcs('2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，比2025年预算执行数下降20.00%。'), [['100.00万元', '120.00万元', '下降', 51, '20.00%', 'down', undefined]]);
    assert.deepStrictEqual(rcs('2025年当年预算执行数为100.00万元，2026年预算安排100.00万元，与2025年预算执行数持平。'), [['100.00万元', '100.00万元', '持平', 51, undefined, 'flat', undefined]]);
    assert.deepStrictEqual(rcs('1、卫生健康支出（210类）120.00万元。2025年当年预算执行数为100.00万元，2026年预算安排90.00万元，比2025年预算执行数增加20.00%。'), [['100.00万元', '90.00万元', '增加', 73, '20.00%', 'up', '120.00万元']]);
    assert.deepStrictEqual(rcs('2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，增加20.00万元，增长20.00%。'), [], 'the rate of a change by an amount');
    assert.deepStrictEqual(rcs('2025年当年预算执行数为100.00万元，2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，增长20.00%。'), [], 'two bases');
  });

  it('决算数 小于/大于/等于 预算数 and 与预算数持平, against the one budget and one actual of the paragraph', () => {
    const cmp = (v: string) => readText(v, JUE23).comparisons.map((c) => [c.word, c.start, c.end, c.budget.tok.raw, c.actual.tok.raw]);
    assert.deepStrictEqual(cmp('年初预算为100.00万元，支出决算为90.00万元。决算数小于预算数。'), [['小于', 30, 32, '100.00万元', '90.00万元']]);
    assert.deepStrictEqual(cmp('年初预算为100.00万元，支出决算为90.00万元。决算数与预算数持平。'), [['持平', 34, 36, '100.00万元', '90.00万元']]);
    assert.deepStrictEqual(cmp('年初预算为100.00万元，支出决算为90.00万元。决算数等于预算数。'), [['等于', 30, 32, '100.00万元', '90.00万元']]);
    assert.deepStrictEqual(cmp('甲。\n年初预算为100.00万元，支出决算为90.00万元。决算数大于预算数。'), [['大于', 33, 35, '100.00万元', '90.00万元']]);
    assert.deepStrictEqual(cmp('支出决算为90.00万元。决算数大于预算数。'), [], 'no budget figure');
    assert.deepStrictEqual([compareSign('大于'), compareSign('低于'), compareSign('等于'), compareSign('增加')], [1, -1, 0, undefined]);
  });
});

describe('narrative reading: lists and their totals', () => {
  const lists = (v: string) => readText(v, JUE23).lists.map((l) => [l.kw, l.kwStart, l.total.raw, l.parts.map((p) => p.raw), l.exact, l.label]);

  it('a list in one sentence: the amount before the list word is the total', () => {
    assert.deepStrictEqual(lists('公用经费 25.59万元。主要包括：办公费0.32万元、水费0.06万元。'), [['主要包括', 13, '25.59万元', ['0.32万元', '0.06万元'], false, undefined]]);
    assert.deepStrictEqual(lists('总额100万元，增加10万元，其中：甲60万元，乙40万元。'), [['其中', 15, '100万元', ['60万元', '40万元'], false, undefined]], 'a change before 其中 is skipped');
    assert.deepStrictEqual(lists('本年收入100.00万元。其中：甲60.00万元。'), [], '其中 after the sentence’s end');
  });

  it('a restated total at the end of the list is no part', () => {
    assert.deepStrictEqual(lists('合计100万元，其中甲60万元，乙40万元，合计100万元。'), [['其中', 8, '100万元', ['60万元', '40万元'], false, undefined]]);
  });

  it('a list word that ends its line opens a list of the numbered paragraphs after it (its introduction may be the line before)', () => {
    assert.deepStrictEqual(lists('总额100万元，其中：\n1.甲60万元\n2.乙40万元'), [['其中', 8, '100万元', ['60万元', '40万元'], false, undefined]]);
    assert.deepStrictEqual(lists('总额100万元。\n其中：\n1.甲60万元\n2.乙40万元'), [['其中', 9, '100万元', ['60万元', '40万元'], false, undefined]]);
  });

  it('columns of item figures: each kind stated once before the list, one figure of it in every item (paragraphs, or clauses split by ；)', () => {
    assert.deepStrictEqual(lists('年初预算为300.00万元，支出决算为290.00万元。其中：\n1、甲。年初预算为200.00万元，支出决算为195.00万元。\n2、乙。年初预算为100.00万元，支出决算为95.00万元。'), [
      ['其中', 28, '300.00万元', ['200.00万元', '100.00万元'], true, '年初预算'],
      ['其中', 28, '290.00万元', ['195.00万元', '95.00万元'], true, '支出决算'],
    ]);
    assert.deepStrictEqual(lists('全年预算 44.10万元，支出决算 31.21万元。其中：甲全年预算 10.00万元，支出决算 10.00万元；乙全年预算 34.10万元，支出决算 21.21万元。'), [
      ['其中', 26, '44.10万元', ['10.00万元', '34.10万元'], true, '全年预算'],
      ['其中', 26, '31.21万元', ['10.00万元', '21.21万元'], true, '支出决算'],
    ]);
  });
});

describe('narrative reading: 科目 paths', () => {
  const paths = (v: string) => kemuPaths(v).map((p) => [p.form, p.start, p.end, pathCode(p) ?? null, p.segments.map((s) => [s.level, s.name, s.start, s.end, s.digits ?? null])]);

  it('names with their levels and codes (204类 06款 01项): the code they spell', () => {
    assert.deepStrictEqual(paths('公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元'), [['levels', 0, 28, '2040601', [['类', '公共安全支出', 0, 6, '204'], ['款', '司法', 12, 14, '06'], ['项', '行政运行', 19, 23, '01']]]]);
  });

  it('names with their levels only; one level alone only when an amount follows it', () => {
    assert.deepStrictEqual(paths('一般公共服务支出（类）商贸事务（款）'), [['levels', 0, 18, null, [['类', '一般公共服务支出', 0, 8, null], ['款', '商贸事务', 11, 15, null]]]]);
    assert.deepStrictEqual(paths('一般公共服务支出（类）6021.71万元'), [['levels', 0, 11, null, [['类', '一般公共服务支出', 0, 8, null]]]]);
    assert.deepStrictEqual(paths('一般公共服务支出（类）主要用于'), []);
  });

  it('levels must follow each other directly and go down; a 类 again starts another path', () => {
    assert.deepStrictEqual(paths('行政运行（项）商贸事务（款）'), []);
    assert.deepStrictEqual(paths('一般公共服务支出（类） 商贸事务（款）'), []);
    assert.deepStrictEqual(paths('甲（类）乙（款）。丙（类）丁（款）').map((p) => [p[1], p[2]]), [[0, 8], [9, 17]]);
  });

  it('names joined by dashes in quotes: the last is the 项 (two names: 款 and 项)', () => {
    assert.deepStrictEqual(paths('“一般公共服务支出-商贸事务-行政运行”科目'), [['dash', 0, 20, null, [['类', '一般公共服务支出', 1, 9, null], ['款', '商贸事务', 10, 14, null], ['项', '行政运行', 15, 19, null]]]]);
    assert.deepStrictEqual(paths('“商贸事务-行政运行”科目'), [['dash', 0, 11, null, [['款', '商贸事务', 1, 5, null], ['项', '行政运行', 6, 10, null]]]]);
  });

  it('codes with names: 201（…）13（…）08（…）, or two levels', () => {
    assert.deepStrictEqual(paths('201（一般公共服务）13（商贸事务）08（招商引资）'), [['codes', 0, 27, '2011308', [['类', '一般公共服务', 4, 10, '201'], ['款', '商贸事务', 14, 18, '13'], ['项', '招商引资', 22, 26, '08']]]]);
    assert.deepStrictEqual(paths('201（一般公共服务）13（商贸事务）').map((p) => p[3]), ['20113']);
  });

  it('paths in text order, whatever their form', () => {
    assert.deepStrictEqual(paths('“商贸事务-行政运行”科目，201（一般公共服务）13（商贸事务）').map((p) => p[0]), ['dash', 'codes']);
  });
});

describe('narrative reading: sentences, search, intervals', () => {
  it('sentences end at 。；; and line breaks, clauses also at ，、：', () => {
    const v = '甲，乙。丙；丁\n戊';
    assert.deepStrictEqual([sentenceStart(v, 5), sentenceEnd(v, 5), sentenceEnd(v, 8), sentenceEnd(v, 9)], [4, 5, 9, 9]);
    assert.deepStrictEqual([clauseStart(v, 3), clauseStart('abcdef', 6, 3), clauseStart('abcdef', 6)], [2, 3, 0]);
    assert.deepStrictEqual([paragraphAt(v, 9), paragraphAt(v, 3), paragraphAt('a\nb', 0)], [{ start: 8, end: 9 }, { start: 0, end: 7 }, { start: 0, end: 1 }]);
    assert.deepStrictEqual(lines('a\nb\n'), [{ start: 0, end: 1, text: 'a' }, { start: 2, end: 3, text: 'b' }, { start: 4, end: 4, text: '' }]);
  });

  it('tokens in a range by binary search', () => {
    const xs = [{ start: 0, end: 2 }, { start: 3, end: 5 }, { start: 5, end: 8 }, { start: 9, end: 10 }];
    assert.deepStrictEqual([firstFrom(xs, 0), firstFrom(xs, 3), firstFrom(xs, 4), firstFrom(xs, 11)], [0, 1, 2, 4]);
    assert.deepStrictEqual(within(xs, 3, 8), [{ start: 3, end: 5 }, { start: 5, end: 8 }]);
    assert.deepStrictEqual(within(xs, 3, 7), [{ start: 3, end: 5 }], 'a token that ends after the range is not in it');
    assert.deepStrictEqual(within(xs, 1, 5), [{ start: 3, end: 5 }]);
  });

  it('a rate is an error only when no values in its operands’ intervals give it', () => {
    const v = (n: string, nh: string, dd: string, dh: string, p: string) => {
      const r = ratioVerdict(d(n), d(nh), d(dd), d(dh), d(p));
      return r && [r.verdict, r.computed.toString()];
    };
    assert.deepStrictEqual(v('1.00', '0.005', '3.00', '0.005', '33.33'), ['ok', '33.33']);
    assert.deepStrictEqual(v('1.00', '0.005', '3.00', '0.005', '33.34'), ['rounding', '33.33']);
    assert.deepStrictEqual(v('1.00', '0.005', '3.00', '0.005', '34.00'), ['error', '33.33']);
    assert.deepStrictEqual(v('50', '0.5', '0', '0.5', '10'), undefined, 'a base that may be 0');
    assert.deepStrictEqual(v('0.00', '0.005', '3.00', '0.005', '0.10'), ['rounding', '0.00'], 'a part that may be 0 is not below 0');
  });

  it('a rate judged on integers is judged as on Decimals (or left to them), near the interval edges too', () => {
    let fast = 0;
    // amounts with 0–4 decimals and their half units, rates with 0–3 decimals near the true rate
    const amount = fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -1000, max: 10 ** 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 ** 12 }) }), fc.integer({ min: 0, max: 4 })).map(([u, s]) => new Decimal(BigInt(u), s));
    fc.assert(fc.property(amount, amount, fc.integer({ min: 0, max: 3 }), fc.integer({ min: -30, max: 30 }), fc.boolean(), (n, dd, ps, off, big) => {
      const nh = big ? new Decimal(5n, n.scale + 5) : n.halfUlp();
      const dh = dd.halfUlp();
      const near = dd.sign() > 0 ? n.mul(new Decimal(100n, 0)).div(dd, ps) : new Decimal(33n, 0);
      const p = new Decimal(near.units + BigInt(off), ps);
      const got = ratioOnIntegers(n, nh, dd, dh, p);
      const want = ratioByDecimals(n, nh, dd, dh, p);
      if (got === null) return;
      fast++;
      assert.deepStrictEqual(got && [got.verdict, got.computed.toString()], want && [want.verdict, want.computed.toString()], `${n} ${nh} ${dd} ${dh} ${p}`);
    }), { numRuns: 20000, endOnFailure: true });
    assert.ok(fast > 8000, `${fast} on integers`);
  });

  it('two amounts that should be one: equal when the finer rounds to the coarser', () => {
    const a = (wan: string, half: string) => ({ wan: d(wan), half: d(half) });
    assert.strictEqual(sameAmount(a('208.8', '0.05'), a('208.7959', '0.00000005')), 'ok');
    assert.strictEqual(sameAmount(a('208.7959', '0.00000005'), a('208.8', '0.05')), 'ok');
    assert.strictEqual(sameAmount(a('208.79', '0.005'), a('208.7959', '0.00000005')), 'error');
    assert.strictEqual(sameAmount(a('224.5', '0.05'), a('224.55', '0.005')), 'rounding');
    assert.strictEqual(sameAmount(a('224.55', '0.005'), a('224.55', '0.005')), 'ok');
    assert.strictEqual(sameAmount(a('224.6', '0.05'), a('224.55', '0.005')), 'ok');
  });
});

describe('narrative reading: what a change, a rate change and a comparison say', () => {
  const rcs = (v: string, rc = YU26) => readText(v, rc).rateChanges.map((r) => [r.base.tok.raw, r.current.tok.raw, r.word, r.rate?.raw, r.dir, r.heading?.raw]);
  const RATE = '2025年当年预算执行数为100.00万元，2026年预算安排90.00万元，比2025年预算执行数增加20.00%。';

  it('the heading amount: the first amount of the last numbered line before, in its first sentence, neither a figure nor a change', () => {
    assert.deepStrictEqual(rcs(`1、甲130.00万元。\n2、乙120.00万元。${RATE}`).map((r) => r[5]), ['120.00万元']);
    assert.deepStrictEqual(rcs(`1、住房公积金（01项）预算安排120.00万元。${RATE}`).map((r) => r[5]), [undefined], 'a figure');
    assert.deepStrictEqual(rcs(`1、增加10.00万元。${RATE}`).map((r) => r[5]), [undefined], 'a change');
    assert.deepStrictEqual(rcs(`1、甲。说明120.00万元。${RATE}`).map((r) => r[5]), [undefined], 'not in the first sentence');
  });

  it('a rate change needs a change word and exactly one base and one current figure; a 决算’s actual is a current figure', () => {
    assert.deepStrictEqual(rcs('2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，占比20.00%。'), []);
    assert.deepStrictEqual(rcs('2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，2026年预算安排130.00万元，增长20.00%。'), []);
    assert.deepStrictEqual(rcs('上年决算为100.00万元，支出决算为120.00万元，比上年决算增长20.00%。', JUE23), [['100.00万元', '120.00万元', '增长', '20.00%', 'up', undefined]]);
  });

  it('a comparison reads the figures of its own paragraph, one budget and one actual', () => {
    const cmp = (v: string) => readText(v, JUE23).comparisons.map((c) => [c.word, c.budget.tok.raw, c.actual.tok.raw]);
    assert.deepStrictEqual(cmp('年初预算为100.00万元，支出决算为90.00万元。\n决算数小于预算数。'), []);
    assert.deepStrictEqual(cmp('年初预算为50.00万元。\n年初预算为100.00万元，支出决算为90.00万元。决算数小于预算数。'), [['小于', '100.00万元', '90.00万元']]);
    assert.deepStrictEqual(cmp('年初预算为100.00万元，支出决算为90.00万元，决算数为90.00万元。决算数小于预算数。'), [], 'two actuals');
  });

  it('which way the amount and the rate of a change go', () => {
    const dirs = (v: string) => readText(v, JUE23).changes.map((c) => [c.amount.raw, c.rate?.raw, directions(c)]);
    assert.deepStrictEqual(dirs('比上年增加-10.00万元，增长-5.00%。'), [['-10.00万元', '-5.00%', { amountUp: false, conflict: false }]]);
    assert.deepStrictEqual(dirs('比上年减少10.00万元，增长5.00%。'), [['10.00万元', '5.00%', { amountUp: false, conflict: true }]]);
    assert.deepStrictEqual(dirs('比上年减少-10.00万元，下降5.00%。'), [['-10.00万元', '5.00%', { amountUp: true, conflict: true }]]);
    assert.deepStrictEqual(dirs('比上年增加0.00万元，下降5.00%。'), [['0.00万元', '5.00%', { amountUp: true, conflict: false }]], 'a zero amount has no direction');
    assert.deepStrictEqual(dirs('比上年增加10.00万元，下降0.00%。'), [['10.00万元', '0.00%', { amountUp: true, conflict: false }]], 'nor a zero rate');
    assert.deepStrictEqual(dirs('比上年增加10.00万元，减少5.00万元。'), [['10.00万元', undefined, { amountUp: true, conflict: false }], ['5.00万元', undefined, { amountUp: false, conflict: false }]], 'an amount is no rate');
  });

  it('the base of a change’s rate: C − A after a rise, C + A after a fall; none without a rate, a near current amount, or one direction', () => {
    const base = (v: string) => readText(v, JUE23).changes.map((c) => {
      const b = changeBase(c);
      return b && [b.A.toString(), b.C.toString(), b.base.toString(), b.half.toString(), b.R.toString(), b.amountUp];
    });
    assert.deepStrictEqual(base('本年110.00万元，比上年增加10.00万元，增长10.00%。'), [['10.00', '110.00', '100.00', '0.010', '10.00', true]]);
    assert.deepStrictEqual(base('本年90.00万元，比上年减少10.00万元，下降10.00%。'), [['10.00', '90.00', '100.00', '0.010', '10.00', false]]);
    assert.deepStrictEqual(base('本年90.00万元，比上年减少10.00万元，增长10.00%。'), [undefined]);
    assert.deepStrictEqual(base('本年90.00万元，比上年减少10.00万元。'), [undefined]);
    assert.deepStrictEqual(base('本年110.00万元。说明。与上年相比，增加10.00万元，增长10.00%。'), [undefined]);
    assert.deepStrictEqual(readText('基本支出50.00万元，占50%。与上年相比，增加10.00万元。', JUE23).changes.map((c) => c.current?.raw), [undefined], 'a share part before is no current amount');
  });

  it('what the two figures of a rate change say: the sign within rounding, a wrong way, a zero base, the rate’s verdict', () => {
    const rv = (v: string) => readText(v, YU26).rateChanges.map((r) => {
      const x = rateVerdict(r);
      return [x.sign, x.diff.toString(), x.half.toString(), x.wrongWay, x.zeroBase, x.rate && [x.rate.verdict, x.rate.computed.toString()]];
    });
    const P = '2025年当年预算执行数为';
    assert.deepStrictEqual(rv(`${P}100.00万元，2026年预算安排120.00万元，比2025年预算执行数增加20.00%。`), [[1, '20.00', '0.010', false, false, ['ok', '20.00']]]);
    assert.deepStrictEqual(rv(`${P}100.00万元，2026年预算安排120.00万元，比2025年预算执行数下降20.00%。`), [[1, '20.00', '0.010', true, false, undefined]]);
    assert.deepStrictEqual(rv(`${P}100.00万元，2026年预算安排100.00万元，比2025年预算执行数增加0.00%。`), [[0, '0.00', '0.010', false, false, ['ok', '0.00']]]);
    assert.deepStrictEqual(rv(`${P}100.00万元，2026年预算安排100.00万元，比2025年预算执行数增加5.00%。`), [[0, '0.00', '0.010', true, false, undefined]]);
    assert.deepStrictEqual(rv(`${P}100.0万元，2026年预算安排100.04万元，与2025年预算执行数持平。`), [[0, '0.04', '0.055', false, false, undefined]]);
    assert.deepStrictEqual(rv(`${P}100.0万元，2026年预算安排100.04万元，比2025年预算执行数增加0.04%。`), [[0, '0.04', '0.055', false, false, ['ok', '0.04']]]);
    assert.deepStrictEqual(rv(`${P}100.00万元，2026年预算安排120.00万元，与2025年预算执行数持平。`), [[1, '20.00', '0.010', true, false, undefined]]);
    assert.deepStrictEqual(rv(`${P}0万元，2026年预算安排50.00万元，比2025年预算执行数增加100%。`), [[1, '50.00', '0.505', false, true, undefined]]);
  });

  it('lists: a total is needed, every item needs its amount, base and planned figures make no column, 。 or the end closes a list in a sentence', () => {
    const lists = (v: string) => readText(v, JUE23).lists.map((l) => [l.kw, l.total.raw, l.parts.map((p) => p.raw), l.exact, l.label]);
    assert.deepStrictEqual(lists('其中：\n1.甲60万元\n2.乙40万元'), []);
    assert.deepStrictEqual(lists('总额100万元，其中：\n1.甲60万元\n2.乙。'), []);
    assert.deepStrictEqual(lists('总额100万元，其中：\n1.甲增加60万元\n2.乙40万元'), [], 'a change is no item’s amount');
    assert.deepStrictEqual(lists('总额100万元，其中：  \n1.甲60万元\n2.乙40万元'), [['其中', '100万元', ['60万元', '40万元'], false, undefined]]);
    assert.deepStrictEqual(lists('公用经费10万元，其中：甲4万元、乙6万元'), [['其中', '10万元', ['4万元', '6万元'], false, undefined]]);
    assert.deepStrictEqual(lists('上年决算为250.00万元，年初预算为300.00万元。其中：\n1、甲。上年决算为100.00万元，年初预算为200.00万元。\n2、乙。上年决算为150.00万元，年初预算为100.00万元。'), [['其中', '300.00万元', ['200.00万元', '100.00万元'], true, '年初预算']]);
    assert.deepStrictEqual(lists('年初预算为100.00万元，其中：\n1.年初预算为60.00万元\n2.年初预算为40.00万元'), [['其中', '100.00万元', ['60.00万元', '40.00万元'], true, '年初预算']]);
    assert.deepStrictEqual(lists('年初预算为300.00万元。其中：\n1、甲。年初预算为300.00万元。'), [], 'one item is no column');
    assert.deepStrictEqual(lists('年初预算为300.00万元。其中：甲年初预算为200.00万元，乙年初预算为100.00万元。'), [], 'clauses of a column are split by ；');
  });
});

describe('narrative reading: the labelled figures’ quick test', () => {
  // the reading before the quick test: LABEL on the clause before the amount, always
  const slow = (v: string, at: number) => {
    let from = at;
    while (from > 0 && !/[，。；、\n,;]/.test(v[from - 1]) && at - from < 30) from--;
    const m = LABEL.exec(v.slice(from, at));
    return m ? { m, from } : undefined;
  };
  const same = (v: string) => {
    let found = 0;
    for (const tok of tokens(v)) {
      const want = slow(v, tok.start);
      assert.deepStrictEqual(labelBefore(v, tok.start), want, `${v} @${tok.start}`);
      if (want) found++;
    }
    return found;
  };

  agreesWithSlowReading(same, {
    samples: 'finds the label the slow reading finds, before every amount of every text of every sample', inSamples: 50, what: 'labels',
    random: 'and on random clauses of labels, tails, colons, spaces and amounts', inRandom: 300, maxLength: 12,
    words: ['年初预算', '预算数', '决算数', '支出决算', '预算安排', '全年预算', '合计', '为', '是', '：', ':', ' ', '\u3000', '\t', '2023年', '上年', '本年', '，', '。', '\n', '100.00万元', '5.5万元', '12%', '收入', '支出', '比'],
  });
});

describe('narrative reading: the amounts’ scanner', () => {
  // the reading before the scanner: TOKEN's global matches, those after a digit, point, comma or 万 skipped
  const reference = (v: string) => {
    const out: Array<{ start: number; end: number; raw: string; unit: string; kind: string; value: string }> = [];
    const re = new RegExp(TOKEN.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(v))) {
      const before = v[m.index - 1];
      if (before && /[\d.,万]/.test(before)) continue;
      const r = readNumeral(m[1] + m[2]);
      if (!r.ok) continue;
      const unit = m[3] === '％' ? '%' : m[3] === '万' ? '万元' : m[3];
      out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], unit, kind: unit === '%' ? 'percent' : 'amount', value: `${r.value.toString()}/${r.value.scale}` });
    }
    return out;
  };
  const scanned = (v: string) => tokens(v).map((t) => ({ start: t.start, end: t.end, raw: t.raw, unit: t.unit, kind: t.kind, value: `${t.value.toString()}/${t.value.scale}` }));

  it('reads what TOKEN reads in every text of every sample', () => {
    let n = 0;
    for (const f of corpus()) for (const { text } of narrativeTexts(parseReport(f.text, f.syntax).report)) {
      assert.deepStrictEqual(scanned(text.value), reference(text.value));
      n += reference(text.value).length;
    }
    assert.ok(n > 500, `${n} amounts`);
  });

  it('and in random strings of digits, signs, commas, points, spaces and units', () => {
    const parts = ['1', '2', '0', '9', '12', '123', '1234', ',', ',000', ',12', '.', '.5', '-', '－', ' ', '\u3000', '\t', '万', '万元', '亿元', '元', '亿', '%', '％', '，', '。', '）', '\n', '\r', '年', 'x', '１'];
    let n = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 14 }), (ps) => {
      const v = ps.join('');
      const want = reference(v);
      n += want.length;
      assert.deepStrictEqual(scanned(v), want, JSON.stringify(v));
    }), { numRuns: 20000, endOnFailure: true });
    assert.ok(n > 2000, `${n} amounts`);
  });
});

describe('narrative reading: sentences and clauses read by character code', () => {
  // the reading before: the same scans with the regular expressions
  const slowStart = (v: string, pos: number) => { let i = pos; while (i > 0 && !/[。；;\n]/.test(v[i - 1])) i--; return i; };
  const slowEnd = (v: string, pos: number) => { let i = pos; while (i < v.length && !/[。；;\n]/.test(v[i])) i++; return i; };
  const slowClause = (v: string, pos: number, max = 80) => { let i = pos; while (i > 0 && !/[，。；：、\n,;]/.test(v[i - 1]) && pos - i < max) i--; return i; };

  it('finds the sentence and clause bounds the expressions find, at every place of random texts', () => {
    const parts = ['。', '；', ';', '\n', '，', '：', '、', ',', ':', '.', '！', '\r', '支出', '100.00万元', ' ', '\u3000', '为'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 40 }), fc.integer({ min: 1, max: 90 }), (ps, max) => {
      const v = ps.join('');
      for (let p = 0; p <= v.length; p++) {
        assert.strictEqual(sentenceStart(v, p), slowStart(v, p));
        assert.strictEqual(sentenceEnd(v, p), slowEnd(v, p));
        assert.strictEqual(clauseStart(v, p, max), slowClause(v, p, max));
      }
    }), { numRuns: 2000 });
  });

  it('isWhite is \\s, for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.strictEqual(isWhite(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
  });
});

describe('narrative reading: 科目 path segments looked for before their level marks', () => {
  // the reading before: the expression tried from every character of the text
  const slow = (v: string) => [...v.matchAll(SEGMENT)].map((m) => ({ index: m.index!, length: m[0].length, name: m[1], digits: m[2], level: m[3] }));

  it('finds what the expression finds in every text of every sample', () => {
    let n = 0;
    for (const f of corpus()) for (const { text } of narrativeTexts(parseReport(f.text, f.syntax).report)) {
      const want = slow(text.value);
      assert.deepStrictEqual(segments(text.value), want, f.name);
      n += want.length;
    }
    assert.ok(n > 20, `${n} segments`);
  });

  it('and in random texts of names, level marks, brackets, digits and punctuation', () => {
    let n = 0;
    const parts = ['公共安全支出', '司法', '行政运行', '（', '）', '(', ')', '类', '款', '项', '（类）', '（204类）', '(06款)', '（01项）', '（1类）', '（室）', '204', '06', '，', '。', ' ', '“', '”', '-', '支出', '为', '100.00万元'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 30 }), (ps) => {
      const v = ps.join('');
      const want = slow(v);
      assert.deepStrictEqual(segments(v), want, v);
      n += want.length;
    }), { numRuns: 5000 });
    assert.ok(n > 1000, `${n} segments`);
  });
});

describe('narrative reading: the change word’s quick test', () => {
  // the reading before the quick test: the expression on the eight characters before the token
  const slow = (v: string, tok: Tok) => {
    const before = v.slice(Math.max(0, tok.start - 8), tok.start);
    const m = RE.changeBefore.exec(before);
    return m ? { word: m[1], start: tok.start - before.length + m.index } : undefined;
  };
  const same = (v: string) => {
    let found = 0;
    for (const tok of tokens(v)) {
      const want = slow(v, tok);
      assert.deepStrictEqual(wordBefore(v, tok), want, `${v} @${tok.start}`);
      if (want) found++;
    }
    return found;
  };

  agreesWithSlowReading(same, {
    samples: 'finds the change word the expression finds, before every amount of every text of every sample', inSamples: 50, what: 'change words',
    random: 'and in random texts of change words, spaces and amounts', inRandom: 300, maxLength: 14,
    words: ['增加', '减少', '增长', '下降', '上升', '减', '增', ' ', '\u3000', '\t', '，', '为', '支出', '100.00万元', '5%', '12.5%'],
  });
});

describe('text.share: the shares’ quick test and the whole in the sentence', () => {
  // the reading before: the expression on the 40 characters before every percentage; 。 looked for in slices
  const slowShares = (v: string, toks: Tok[]) => {
    const out: Array<{ pct: Tok; part: Tok; named?: string }> = [];
    for (let i = 1; i < toks.length; i++) {
      const p = toks[i];
      if (p.kind !== 'percent') continue;
      const m = RE.shareBefore.exec(v.slice(Math.max(0, p.start - 40), p.start));
      const part = toks[i - 1];
      if (!m || part.kind !== 'amount' || /[。；;]/.test(v.slice(part.end, p.start)) || p.start - part.end > 12) continue;
      out.push({ pct: p, part, named: m[1] });
    }
    return out;
  };
  const slowWhole = (v: string, toks: Tok[], part: Tok) => {
    for (let j = toks.indexOf(part) - 1; j >= 0; j--) {
      const c = toks[j];
      if (/。/.test(v.slice(c.end, part.start))) return undefined;
      if (c.kind !== 'amount') continue;
      if (/^[，,]?[ \t\u3000]*占/.test(v.slice(c.end, c.end + 4))) continue;
      return c;
    }
    return undefined;
  };
  const same = (v: string) => {
    const toks = tokens(v);
    const got = sharesOf(v, toks);
    assert.deepStrictEqual(got.map(({ pct, part, named }) => ({ pct, part, named })), slowShares(v, toks), v);
    for (const s of got) {
      assert.strictEqual(toks[s.at], s.part);
      assert.strictEqual(wholeInSentence(v, toks, s.part, s.at), slowWhole(v, toks, s.part), v);
    }
    return got.length;
  };

  agreesWithSlowReading(same, {
    samples: 'finds the shares and wholes the slow reading finds in every text of every sample', inSamples: 10, what: 'shares',
    random: 'and in random texts of shares, wholes, sentences and amounts', inRandom: 300, maxLength: 16,
    words: ['占', '占本年支出合计的', '的', '支出', '100.00万元', '25.00万元，占25%', '10.00万元占', '25%', '12.5%', '，', ',', '。', '；', ' ', '\u3000', '其中', '比重'],
  });
});
