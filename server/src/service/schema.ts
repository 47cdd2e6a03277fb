/**
 * JSON Schema validation of one top-level block (schemas/report.schema.json, through ajv). Every
 * violation becomes a finding at the range of the offending YAML node, with a Chinese message
 * that says what was expected.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { Document, isMap, isPair, isScalar, isSeq, Node, Pair } from 'yaml';
import { Finding, Range } from './model';
import schema from '../../../schemas/report.schema.json';

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
  if (v === null || v === undefined) return '空';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'object') return '键值对';
  if (typeof v === 'number') return '数字';
  return `“${String(v).length > 20 ? String(v).slice(0, 20) + '…' : String(v)}”`;
}

function decodePointer(p: string): string[] {
  if (p === '') return [];
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Located {
  key?: Node;
  value?: Node | null;
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
    const f = toFinding(e, doc, base, key);
    if (!f) continue;
    const id = `${f.range.start}:${f.range.end}:${f.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(f);
  }
  return out;
}

function toFinding(e: ErrorObject, doc: Document, base: number, blockKey: string): Finding | undefined {
  const path = decodePointer(e.instancePath);
  const loc = locate(doc, path);
  const ps = (e.parentSchema ?? {}) as Record<string, unknown>;
  const custom = typeof ps.errorMessage === 'string' ? (ps.errorMessage as string) : undefined;
  let range = nodeRange(loc.value, base) ?? nodeRange(loc.key, base);
  let message: string;
  const where = path.length > 1 ? `“${path.filter((p) => !/^\d+$/.test(p)).slice(-1)[0] ?? blockKey}”` : '';
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      const parent = isMap(loc.value) ? (loc.value.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === prop) : undefined;
      range = nodeRange(parent?.key as Node | undefined, base) ?? range;
      if (path.length === 0) {
        message = `未知的顶层块“${prop}”。可用：报告、部门概况/单位概况、表 <表名>、情况说明、名词解释、绩效自评 <项目名称>、其他`;
      } else {
        const allowed = ps.properties ? Object.keys(ps.properties as object) : [];
        message = allowed.length ? `不认识的键“${prop}”。此处可用的键：${allowed.join('、')}` : `不认识的键“${prop}”`;
      }
      break;
    }
    case 'required': {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      range = nodeRange(loc.key, base) ?? range;
      message = `${where || '此处'}缺少必填项“${prop}”`;
      break;
    }
    case 'type': {
      const want = String((e.params as { type: string | string[] }).type).split(',').map((t) => TYPE_ZH[t] ?? t);
      message = custom ?? `应为${[...new Set(want)].join('或')}，而这里是${typeOf(e.data)}`;
      if (custom) message = `${custom}，而这里是${typeOf(e.data)}`;
      break;
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      message = `${where ? where + '应为' : '应为'}以下之一：${allowed.join('、')}，而这里是${typeOf(e.data)}`;
      break;
    }
    case 'pattern':
      message = `${typeof ps.patternErrorMessage === 'string' ? ps.patternErrorMessage : '格式不对'}，而这里是${typeOf(e.data)}`;
      break;
    case 'minItems':
      message = `至少应有 ${(e.params as { limit: number }).limit} 项`;
      break;
    case 'maxItems':
      message = `最多只能有 ${(e.params as { limit: number }).limit} 项`;
      break;
    case 'minProperties':
    case 'maxProperties':
      message = custom ?? (e.keyword === 'minProperties' ? '此处不能为空' : '此处键太多');
      break;
    case 'anyOf':
    case 'oneOf':
      message = custom ? `${custom}，而这里是${typeOf(e.data)}` : `格式不对，而这里是${typeOf(e.data)}`;
      break;
    default:
      message = custom ?? `不符合格式要求（${e.keyword}）`;
  }
  if (!range) range = { start: base, end: base + blockKey.length };
  return { rule: 'schema', severity: 'error', range, message };
}
