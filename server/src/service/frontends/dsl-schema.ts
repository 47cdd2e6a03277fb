/**
 * The DSL's blocks validated with the same JSON Schema as YAML's (schema.ts, ajv): the “键：值” lines of
 * a 【报告】 or 【表 …】 block become the block's JSON value ({ 报告: { 类型: …, 年度: … } }), and the
 * schema's violations are mapped back to the key or value of their line. Columns (列：a | b) and rows
 * are read by the DSL itself; the schema sees the other fields.
 */
import { Finding, Range, Str } from '../model';
import { Locator, validateValue } from './schema';

/** A “键：值” line as the DSL read it. */
export interface DslField {
  key: Str;
  value: Str;
}

/** Properties of the schema that the DSL writes otherwise than as “键：值” (the rows, the sides of a table). */
const WRITTEN_OTHERWISE = new Set(['行', '收入', '支出']);

export function validateDslBlock(blockKey: string, kind: 'meta' | 'table', fields: readonly DslField[], keyRange: Range): Finding[] {
  const value: Record<string, string> = {};
  const at = new Map<string, DslField>();
  for (const f of fields) {
    if (kind === 'table' && f.key.value === '列') continue;
    value[f.key.value] = f.value.value;
    at.set(f.key.value, f);
  }
  const loc: Locator = {
    value: (path) => {
      if (path.length < 2) return keyRange;
      const f = at.get(path[1]);
      return f && f.value.value !== '' ? f.value.range : f?.key.range;
    },
    key: (path) => (path.length < 2 ? keyRange : at.get(path[1])?.key.range),
    allowedKeys: (_path, keys) => (kind === 'table' ? keys.filter((k) => !WRITTEN_OTHERWISE.has(k)) : keys),
  };
  return validateValue(blockKey, { [blockKey]: value }, loc, keyRange);
}
