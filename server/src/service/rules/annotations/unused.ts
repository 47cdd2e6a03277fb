/**
 * 出错说明: a reviewer can justify one finding in the source, as the MOF software asks for an
 * 出错说明. A comment
 *
 *     - 合计: 335.56 ...   # 出错说明(sum.total): 原始凭证如此，已与财政核对
 *
 * on the line of the finding (or alone on the line just above it) turns off that finding and keeps
 * the reason. Without a rule id in brackets it covers every finding that starts on that line.
 * An annotation that covers nothing is reported (`annotation.unused`).
 */
import { Finding, Range } from '../../model';
import { LineIndex } from '../../text';
import { Rule } from '../types';
import * as l10n from '../../l10n';

export interface Annotation {
  rule?: string;
  reason: string;
  /** The line (0-based) whose findings it covers. */
  line: number;
  range: Range;
}

const RE = /#\s*出错说明\s*(?:[（(]\s*([\w.\-\u4e00-\u9fff]+)\s*[)）])?\s*[:：]\s*(.*)$/;

export function findAnnotations(text: string): Annotation[] {
  const out: Annotation[] = [];
  if (!text.includes('出错说明')) return out;
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = RE.exec(line);
    if (m) {
      const alone = line.slice(0, m.index).trim() === '';
      let target = i;
      if (alone) {
        target = i + 1;
        while (target < lines.length && (lines[target].trim() === '' || lines[target].trim().startsWith('#'))) target++;
      }
      out.push({ rule: m[1] || undefined, reason: m[2].trim(), line: target, range: { start: offset + m.index, end: offset + line.replace(/\r$/, '').length } });
    }
    offset += line.length + 1;
  }
  return out;
}

/** Removes the findings that an annotation justifies; reports the annotations that justify nothing. */
export function applyAnnotations(findings: Finding[], text: string, lineIndex: () => LineIndex): Finding[] {
  if (!text.includes('出错说明')) return findings;
  const idx = lineIndex();
  const anns = findAnnotations(text);
  if (anns.length === 0) return findings;
  const used = new Set<Annotation>();
  const kept = findings.filter((f) => {
    const line = idx.position(f.range.start).line;
    const a = anns.find((x) => x.line === line && (!x.rule || x.rule === f.rule));
    if (a) {
      used.add(a);
      return false;
    }
    return true;
  });
  for (const a of anns) {
    if (used.has(a)) continue;
    kept.push({
      rule: 'annotation.unused', severity: 'warning', range: a.range,
      message: a.rule ? l10n.t('这条出错说明没有对应的问题（此行没有“{0}”的检查结果），可以删除', a.rule) : l10n.t('这条出错说明没有对应的问题（此行没有检查结果），可以删除'),
      fixes: [{ title: l10n.t('删除这条出错说明'), edits: [{ range: removal(text, a.range), newText: '' }], safe: true }],
    });
  }
  return kept;
}

/** What deleting a comment removes: the spaces before it too, and its whole line when it stands alone. */
function removal(text: string, r: { start: number; end: number }): { start: number; end: number } {
  let start = r.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const alone = start === 0 || text[start - 1] === '\n';
  if (alone && text[r.end] === '\n') return { start, end: r.end + 1 };
  return { start, end: r.end };
}

/** annotation.unused: its findings are made where the 出错说明 are applied (after every rule ran). */
export const rule: Rule = {
  meta: {
    id: 'annotation.unused', group: 'annotations', severity: 'warning', fixable: 'safe',
    description: '出错说明（# 出错说明(规则): 理由）所在行没有对应的检查结果，可以删除',
    descriptionEn: 'An 出错说明 comment that justifies no finding',
    example: '这条出错说明没有对应的问题（此行没有“sum.total”的检查结果），可以删除',
    messages: {
      '这条出错说明没有对应的问题（此行没有“{0}”的检查结果），可以删除': 'This 出错说明 justifies nothing (there is no "{0}" finding on this line): it can be deleted',
      '这条出错说明没有对应的问题（此行没有检查结果），可以删除': 'This 出错说明 justifies nothing (there is no finding on this line): it can be deleted',
      '删除这条出错说明': 'Delete this 出错说明',
    },
  },
};
