/**
 * import.uncertain: jsgk import marks what it could not be sure of with a comment on the row,
 *
 *     204 公共安全支出 | 7.00 | | |  # 导入待核：“7.00”在两列之间，放在了“合计”（原文第 1 页）
 *
 * (or on a line of its own: “# 导入待核：未能从原文读出年度”). Each marker is an information
 * finding until someone has compared the row with the original and deleted the marker (the fix
 * does that; it is never part of 修正全部: only a person who looked at the original may delete it).
 */
import { Finding } from '../../model';
import { Rule } from '../types';
import * as l10n from '../../l10n';

const MARK = /#\s*导入待核[:：]\s*(.*?)\s*(?:[（(]原文第\s*(\d+)\s*页[)）])?\s*$/;

/** The findings of the markers of a report's text (made where the 出错说明 are applied: no rule run, no samples to examine). */
export function importMarkerFindings(text: string): Finding[] {
  const out: Finding[] = [];
  if (!text.includes('导入待核')) return out;
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = MARK.exec(line.replace(/\r$/, ''));
    if (m) {
      // the fix deletes the marker with the spaces before it (the whole line when it is alone on its line)
      const before = line.slice(0, m.index);
      const alone = before.trim() === '';
      const start = offset + (alone ? 0 : before.replace(/\s+$/, '').length);
      const end = offset + line.replace(/\r$/, '').length + (alone && offset + line.length < text.length ? 1 : 0);
      const what = m[1].replace(/[，,。]$/, '');
      out.push({
        rule: 'import.uncertain', severity: 'information',
        range: { start: offset + m.index, end: offset + line.replace(/\r$/, '').length },
        message: m[2] ? l10n.t('导入时无法确定：{0}，请核对原文第 {1} 页', what, m[2]) : l10n.t('导入时无法确定：{0}，请核对原文', what),
        fixes: [{ title: l10n.t('已核对原文，删除此标注'), edits: [{ range: { start, end }, newText: '' }], safe: false }],
      });
    }
    offset += line.length + 1;
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'import.uncertain', group: 'annotations', severity: 'information',
    description: 'jsgk import 无法确定的内容（行末“# 导入待核：…”），核对原文后删除标注',
    descriptionEn: 'What jsgk import could not be sure of (a “# 导入待核：…” marker): to be compared with the original, then the marker deleted',
    example: '导入时无法确定：“7.00”在两列之间，放在了“合计”，请核对原文第 1 页',
    messages: {
      '导入时无法确定：{0}，请核对原文第 {1} 页': 'The import could not be sure: {0}; please compare with page {1} of the original',
      '导入时无法确定：{0}，请核对原文': 'The import could not be sure: {0}; please compare with the original',
      '已核对原文，删除此标注': 'Checked against the original: delete this marker',
    },
  },
};
