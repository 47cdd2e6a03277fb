/**
 * Validation of 科目 codes and names against the catalogue:
 *  - kemu.code (error): a malformed code (length, non-digits);
 *  - kemu.name (warning; information when the catalogue entry is not checked): a name that differs
 *    from the catalogue's for that code and edition, with a fix to the catalogue name;
 *  - kemu.conflict (warning): one code with two names in the same report;
 *  - kemu.parent (warning): a 款 or 项 whose 类 or 款 the catalogue does not have;
 *  - kemu.system (warning): a 功能分类 code in an 经济分类 table, or the other way round;
 *  - kemu.unknown (information): a code the catalogue does not know (it may be incomplete).
 */
import { Finding, Range, Report, Table } from '../model';
import { Catalogue, KemuEntry, STATUS_TEXT } from '../kemu';
import { allSections } from '../query';
import { textRange } from '../text';
import { moveFindings } from './move';
import { normKemuName } from '../names';
import * as l10n from '../l10n';

const norm = normKemuName;

export function isEconomicTable(t: Table): boolean {
  return t.kind === '决算06' || t.kind === '预算06' || /经济科目|经济分类/.test(t.title);
}

export function reportEdition(report: Report, override?: number): number | undefined {
  return override ?? report.meta?.edition?.year ?? report.meta?.year?.year;
}

/** How a written name relates to the catalogue entry. */
export function nameVerdict(written: string, e: KemuEntry, allowShort = false): 'ok' | 'older' | 'mistake' | 'differs' {
  const w = norm(written);
  if (w === norm(e.name) || (allowShort && (w + '支出' === norm(e.name) || w === norm(e.name).replace(/支出$/, '')))) return 'ok';
  const a = (e.aliases ?? []).find((x) => norm(x.name) === w);
  if (a) return a.kind === 'variant' ? 'ok' : a.kind === 'older' ? 'older' : 'mistake';
  return 'differs';
}

/** Per-table results (they depend on the table, the catalogue and the edition only). */
export type KemuCache = WeakMap<Table, { cat: Catalogue; edition?: number; base: number; findings: Finding[]; names: Map<string, Array<{ name: string; norm: string; range: Range }>> }>;

/** Findings whose range was made for them (not a range object of the table, which moves by itself). */
const OWN = new WeakSet<Finding>();


export function checkKemu(report: Report, cat: Catalogue, editionOverride?: number, cache?: KemuCache): Finding[] {
  let out: Finding[] = [];
  const edition = reportEdition(report, editionOverride);
  const ed = edition ? l10n.t('{0} 版', edition) : '';
  let seen = new Map<string, Array<{ name: string; norm: string; range: Range }>>();

  const nameFinding = (code: string, written: string, range: Range, e: KemuEntry, allowShort: boolean) => {
    const v = nameVerdict(written, e, allowShort);
    if (v === 'ok') return;
    const unchecked = e.status.startsWith('compiled');
    const why = v === 'older' ? l10n.t('，这是旧版本的名称') : v === 'mistake' ? l10n.t('，这个名称是常见的误写') : '';
    out.push({
      rule: 'kemu.name', severity: unchecked && v === 'differs' ? 'information' : 'warning', range,
      message: l10n.t('科目 {0} 在{1}目录中名为“{2}”，这里写作“{3}”', code, ed, e.name, written) + why + (unchecked ? l10n.t('（目录条目{0}）', l10n.t(STATUS_TEXT[e.status])) : ''),
      fixes: [{ title: l10n.t('改为目录名称“{0}”', e.name), edits: [{ range, newText: e.name }] }],
    });
  };

  function checkTable(t: Table): void {
    const econ = isEconomicTable(t);
    for (const part of t.parts) {
      for (const row of part.rows) {
        if (!row.code) {
          const m = /^[ \u3000]*([0-9０-９][0-9A-Za-z０-９.]*)(?=[ \u3000]|$)/.exec(row.key);
          if (m && !/^\d{4}年/.test(row.key)) {
            const c = m[1];
            const what = /[^0-9]/.test(c) ? l10n.t('含有非数字字符') : l10n.t('有 {0} 位', c.length);
            const f: Finding = { rule: 'kemu.code', severity: 'error', range: { start: row.keyRange.start + m.index + (m[0].length - c.length), end: row.keyRange.start + m.index + m[0].length }, message: l10n.t('科目代码应为 3 位（类）、5 位（款）或 7 位（项）数字，“{0}”{1}', c, what) };
            OWN.add(f);
            out.push(f);
          }
          continue;
        }
        const code = row.code;
        const codeRange = row.codeRange ?? row.keyRange;
        const list = seen.get(code) ?? [];
        list.push({ name: row.name, norm: norm(row.name), range: row.nameRange });
        seen.set(code, list);
        const isEcon = code.startsWith('3') || code.startsWith('5');
        if (econ && !isEcon) {
          out.push({ rule: 'kemu.system', severity: 'warning', range: codeRange, message: l10n.t('“{0}”按经济分类列示，而 {1} 是功能分类科目', t.title, code) });
        } else if (!econ && isEcon && part.rows.some((r) => r.code?.startsWith('2'))) {
          out.push({ rule: 'kemu.system', severity: 'warning', range: codeRange, message: l10n.t('“{0}”按功能分类列示，而 {1} 是经济分类科目', t.title, code) });
        }
        const e = cat.get(code, edition);
        if (!e) {
          const parent = code.length > 3 ? cat.get(code.slice(0, 3), edition) : undefined;
          out.push({ rule: 'kemu.unknown', severity: 'information', range: codeRange, message: parent ? l10n.t('目录中没有科目 {0}（{1} 下）；目录可能不全，请核对{2}政府收支分类科目', code, `${parent.code} ${parent.name}`, ed) : l10n.t('目录中没有科目 {0}；目录可能不全，请核对{1}政府收支分类科目', code, ed) });
        } else if (row.name) {
          nameFinding(code, row.name, row.nameRange, e, false);
        }
        if (code.length > 3) {
          const missing = [code.slice(0, 3), code.length === 7 ? code.slice(0, 5) : ''].filter((p) => p && !cat.has(p));
          if (missing.length) {
            out.push({ rule: 'kemu.parent', severity: 'warning', range: codeRange, message: l10n.t('目录中没有 {0} 的上级科目 {1}', code, missing.join(l10n.listSep())) });
          }
        }
      }
    }
  }

  for (const t of report.tables) {
    let c = cache?.get(t);
    if (!c || c.cat !== cat || c.edition !== edition) {
      const [o0, s0] = [out, seen];
      out = [];
      seen = new Map();
      checkTable(t);
      c = { cat, edition, base: t.range.start, findings: out, names: seen };
      [out, seen] = [o0, s0];
      cache?.set(t, c);
    } else if (c.base !== t.range.start) {
      moveFindings(c.findings, t.range.start - c.base, (f) => OWN.has(f));
      c.base = t.range.start;
    }
    for (const f of c.findings) out.push(f);
    for (const [code, list] of c.names) {
      const prev = seen.get(code);
      if (!prev) seen.set(code, list);
      else if (list.some((x) => x.norm !== prev[0].norm)) seen.set(code, [...prev, ...list]);
    }
  }

  // one code, two names
  for (const [code, list] of seen) {
    const first = list[0];
    for (let i = 1; i < list.length; i++) {
      const x = list[i];
      if (x.norm === first.norm || !x.name) continue;
      out.push({
        rule: 'kemu.conflict', severity: 'warning', range: x.range,
        message: l10n.t('科目 {0} 在本报告中有两个名称：“{1}”和“{2}”', code, first.name, x.name),
        related: [{ range: first.range, message: l10n.t('这里写作“{0}”', first.name) }],
      });
    }
  }

  // 科目 written in the text: 201（一般公共服务）13（商贸事务）08（招商引资）
  for (const s of allSections(report.narrative)) {
    const t = s.body;
    if (!t) continue;
    for (const m of t.value.matchAll(/(\d{3})\s*（([^）]{1,30})）\s*(\d{2})\s*（([^）]{1,30})）(?:\s*(\d{2})\s*（([^）]{1,30})）)?/g)) {
      const idx = m.index!;
      const segs: Array<[string, string]> = [[m[1], m[2]], [m[1] + m[3], m[4]]];
      if (m[5]) segs.push([m[1] + m[3] + m[5], m[6]]);
      let off = idx;
      for (const [code, name] of segs) {
        const at = t.value.indexOf(`（${name}）`, off);
        off = at + name.length + 2;
        const e = cat.get(code, edition);
        const range = textRange(t, at + 1, at + 1 + name.length);
        if (!e) {
          out.push({ rule: 'kemu.unknown', severity: 'information', range, message: l10n.t('目录中没有科目 {0}；目录可能不全，请核对', code) });
          continue;
        }
        nameFinding(code, name, range, e, true);
      }
    }
  }
  return out;
}
