/**
 * JSON Schema validation of one top-level block (schemas/report.schema.json, through ajv), the same
 * for both syntaxes: the YAML front end validates the block's value, the DSL front end the JSON value
 * it builds from the block's “键：值” lines. Every violation becomes a finding at the range of the
 * offending key or value (a Locator maps JSON pointers to ranges), with a Chinese message that says
 * what was expected.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { Document, isMap, isPair, isScalar, isSeq, Node, Pair } from 'yaml';
import { Finding, Range } from '../model';
import schema from '../../../../schemas/report.schema.json';
import * as l10n from '../l10n';

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    validator = ajv.compile(schema);
  }
  return validator;
}

const TYPE_ZH: Record<string, string> = {
  string: '文字', number: '数字', integer: '整数', array: '列表（- 项，或 [a, b]）',
  object: '键值对（键: 值）', null: '空', boolean: '是/否',
};

function typeOf(v: unknown): string {
  if (v === null || v === undefined) return l10n.t('空');
  if (Array.isArray(v)) return l10n.t('列表');
  if (typeof v === 'object') return l10n.t('键值对');
  if (typeof v === 'number') return l10n.t('数字');
  return l10n.t('“{0}”', String(v).length > 20 ? String(v).slice(0, 20) + '…' : String(v));
}

function decodePointer(p: string): string[] {
  if (p === '') return [];
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Located {
  key?: Node;
  value?: Node | null;
}

/** Where the parts of a block's value are in the source. */
export interface Locator {
  /** The range of the value at `path` (else of its key), or of the nearest enclosing value. */
  value(path: string[]): Range | undefined;
  /** The range of the key at `path` (its last segment). */
  key(path: string[]): Range | undefined;
  /** The keys a syntax writes at `path`, where they differ from the schema's properties (the DSL writes rows otherwise). */
  allowedKeys?(path: string[], schemaKeys: string[]): string[];
}

/** The ranges of a YAML block's nodes. */
function yamlLocator(doc: Document, base: number): Locator {
  return {
    value: (path) => { const l = locate(doc, path); return nodeRange(l.value, base) ?? nodeRange(l.key, base); },
    key: (path) => {
      const l = locate(doc, path.slice(0, -1));
      const prop = path[path.length - 1];
      const parent = isMap(l.value) ? (l.value.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === prop) : undefined;
      return parent ? nodeRange(parent.key as Node, base) : nodeRange(locate(doc, path).key, base);
    },
  };
}

function locate(doc: Document, path: string[]): Located {
  let node: Node | null | undefined = doc.contents as Node | null;
  let key: Node | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const p: Pair<Node, Node | null> | undefined = (node.items as Pair<Node, Node | null>[]).find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === seg);
      if (!p) return { key, value: node };
      key = p.key as Node;
      node = (p.value as Node | null) ?? null;
    } else if (isSeq(node)) {
      const it: Node | undefined = (node.items as Node[])[Number(seg)];
      if (!it) return { key, value: node };
      key = undefined;
      node = it;
    } else {
      return { key, value: node };
    }
  }
  return { key, value: node };
}

function nodeRange(n: Node | null | undefined, base: number): Range | undefined {
  if (!n || !n.range) return undefined;
  const [s, e] = n.range;
  return { start: base + s, end: base + Math.max(e, s) };
}

export function validateBlock(key: string, data: unknown, doc: Document, base: number): Finding[] {
  return validateValue(key, data, yamlLocator(doc, base), { start: base, end: base + key.length });
}

/** Validates a block's value ({ key: value }) and maps each violation to a range through `loc`. */
export function validateValue(key: string, data: unknown, loc: Locator, keyRange: Range): Finding[] {
  const validate = getValidator();
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).filter((e) => !(e.keyword === 'required' && e.instancePath === ''));
  // Where an anyOf/oneOf failed, report it once with its own message, not each branch's error.
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const kept = errors.filter((e) => {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') return true;
    return !unions.some((u) => e.schemaPath.startsWith(u.schemaPath.replace(/\/(anyOf|oneOf)$/, '/$1/')) && e.instancePath.startsWith(u.instancePath));
  });
  // An error whose parentSchema carries an errorMessage (with minProperties/maxProperties) is said once per node.
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const f = toFinding(e, loc, keyRange, key);
    if (!f) continue;
    const id = `${f.range.start}:${f.range.end}:${f.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(f);
  }
  return out;
}

function toFinding(e: ErrorObject, loc: Locator, keyRange: Range, blockKey: string): Finding | undefined {
  const path = decodePointer(e.instancePath);
  const ps = (e.parentSchema ?? {}) as Record<string, unknown>;
  const custom = typeof ps.errorMessage === 'string' ? l10n.t(ps.errorMessage as string) : undefined;
  let range = loc.value(path);
  let message: string;
  const where = path.length > 0 ? l10n.t('“{0}”', path.filter((p) => !/^\d+$/.test(p)).slice(-1)[0] ?? blockKey) : '';
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      range = loc.key([...path, prop]) ?? range;
      if (path.length === 0) {
        message = l10n.t('未知的顶层块“{0}”。可用：报告、部门概况/单位概况、表 <表名>、情况说明、名词解释、绩效自评 <项目名称>、其他、封面、目录、第一部分 <标题>', prop);
      } else {
        const schemaKeys = ps.properties ? Object.keys(ps.properties as object) : [];
        const allowed = loc.allowedKeys ? loc.allowedKeys(path, schemaKeys) : schemaKeys;
        message = allowed.length ? l10n.t('不认识的键“{0}”。此处可用的键：{1}', prop, allowed.join(l10n.listSep())) : l10n.t('不认识的键“{0}”', prop);
      }
      break;
    }
    case 'required': {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      range = loc.key(path) ?? range;
      message = where ? l10n.t('{0}缺少必填项“{1}”', where, prop) : l10n.t('此处缺少必填项“{0}”', prop);
      break;
    }
    case 'type': {
      const want = String((e.params as { type: string | string[] }).type).split(',').map((t) => (TYPE_ZH[t] ? l10n.t(TYPE_ZH[t]) : t));
      message = custom ? l10n.t('{0}，而这里是{1}', custom, typeOf(e.data)) : l10n.t('应为{0}，而这里是{1}', [...new Set(want)].join(l10n.t('或')), typeOf(e.data));
      break;
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      message = where ? l10n.t('{0}应为以下之一：{1}，而这里是{2}', where, allowed.join(l10n.listSep()), typeOf(e.data)) : l10n.t('应为以下之一：{0}，而这里是{1}', allowed.join(l10n.listSep()), typeOf(e.data));
      break;
    }
    case 'pattern':
      message = l10n.t('{0}，而这里是{1}', typeof ps.patternErrorMessage === 'string' ? l10n.t(ps.patternErrorMessage) : l10n.t('格式不对'), typeOf(e.data));
      break;
    case 'minItems':
      message = l10n.t('至少应有 {0} 项', (e.params as { limit: number }).limit);
      break;
    case 'maxItems':
      message = l10n.t('最多只能有 {0} 项', (e.params as { limit: number }).limit);
      break;
    case 'minProperties':
    case 'maxProperties':
      message = custom ?? (e.keyword === 'minProperties' ? l10n.t('此处不能为空') : l10n.t('此处键太多'));
      break;
    case 'anyOf':
    case 'oneOf':
      message = l10n.t('{0}，而这里是{1}', custom ?? l10n.t('格式不对'), typeOf(e.data));
      break;
    default:
      message = custom ?? l10n.t('不符合格式要求（{0}）', e.keyword);
  }
  if (!range) range = keyRange;
  return { rule: 'schema', severity: 'error', range, message };
}
