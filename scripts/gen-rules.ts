/**
 * npm run gen:rules: writes, from the rule registry (server/src/service/rules/registry.ts),
 *  - the README's rule table (between the markers below), and
 *  - package.json's jsgk.severity setting: one property per rule id with the levels as its enum,
 *    additionalProperties false, each with the rule's description.
 * test/gen-rules.test.ts fails when either is out of date.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../server/src/service/rules/registry';
import { Rule } from '../server/src/service/rules/types';

export const ROOT = path.resolve(__dirname, '..', '..');
export const START = '<!-- 规则表开始：由 npm run gen:rules 从 server/src/service/rules/registry.ts 生成，请勿手改 -->';
export const END = '<!-- 规则表结束 -->';
export const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

const GROUPS: Record<string, string> = {
  format: '格式', tables: '表内、表间', perf: '绩效自评表', narrative: '情况说明', glossary: '名词解释', kemu: '科目', units: '部门与所属单位', annotations: '出错说明',
};
const LEVEL_ZH: Record<string, string> = { error: '错误', warning: '警告', information: '信息', hint: '提示' };
const FIX_ZH = { safe: '可一键修正', number: '可改为算出的数' } as const;

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function row(r: Rule): string {
  const m = r.meta;
  const fix = m.fixable ? FIX_ZH[m.fixable] : '';
  return `| \`${m.id}\` | ${GROUPS[m.group] ?? m.group} | ${LEVEL_ZH[m.severity]} | ${fix} | ${cell(m.description)} |`;
}

/** The README's rule table, markers included. */
export function ruleTable(rules: readonly Rule[] = RULES): string {
  return [
    START,
    '| 规则 | 类别 | 默认级别 | 修正 | 检查 |',
    '|---|---|---|---|---|',
    ...rules.map(row),
    END,
  ].join('\n');
}

/** The jsgk.severity setting of package.json. */
export function severitySetting(rules: readonly Rule[] = RULES): Record<string, unknown> {
  return {
    type: 'object',
    default: {},
    properties: Object.fromEntries(rules.map((r) => [r.meta.id, {
      type: 'string',
      enum: LEVELS,
      description: `${r.meta.description}（默认：${r.meta.severity}）`,
    }])),
    additionalProperties: false,
    markdownDescription: '%configuration.severity%',
  };
}

/** README text with the table between the markers replaced (the markers must be there once). */
export function withTable(readme: string, table = ruleTable()): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md lacks the markers ${START} … ${END}`);
  return readme.slice(0, a) + table + readme.slice(b + END.length);
}

/** package.json text with jsgk.severity replaced, formatted as npm writes it. */
export function withSeverity(pkgText: string): string {
  const pkg = JSON.parse(pkgText);
  pkg.contributes.configuration.properties['jsgk.severity'] = severitySetting();
  return JSON.stringify(pkg, null, 2) + '\n';
}

if (require.main === module) {
  const readme = path.join(ROOT, 'README.md');
  const pkg = path.join(ROOT, 'package.json');
  const r0 = fs.readFileSync(readme, 'utf8');
  const p0 = fs.readFileSync(pkg, 'utf8');
  const r1 = withTable(r0);
  const p1 = withSeverity(p0);
  if (r1 !== r0) fs.writeFileSync(readme, r1);
  if (p1 !== p0) fs.writeFileSync(pkg, p1);
  console.log(`${RULES.length} 条规则：README.md ${r1 === r0 ? '未变' : '已更新'}，package.json ${p1 === p0 ? '未变' : '已更新'}`);
}
