/**
 * The rule registry: every rule the service knows, in the order they run. The README's rule table
 * and the jsgk.severity setting's rule ids (package.json) are generated from it (scripts/gen-rules.ts)
 * and a test keeps them equal.
 */
import { Rule, RuleMeta } from './types';
import { registerMessages } from '../l10n';
import { rules as formatRules } from './format';
import { rule as placeholderField } from './format/placeholder';
import { rule as sumChildren } from './tables/sum-children';
import { rule as sumTotal } from './tables/sum-total';
import { rule as sumColumns } from './tables/sum-columns';
import { rules as crossRules } from './tables/cross';
import { rule as emptyNote } from './tables/empty-note';
import { rule as tableCoverage } from './tables/coverage';
import { rule as perfFunds } from './perf/funds';
import { rule as perfTotal } from './perf/total';
import { rule as perfScore } from './perf/score';
import { rules as narrativeRules } from './narrative';
import { rule as glossaryDuplicate } from './glossary/duplicate';
import { rule as glossaryNumbering } from './glossary/numbering';
import { rule as glossaryMissing } from './glossary/missing';
import { rule as kemuCode } from './kemu/code';
import { rule as kemuSystem } from './kemu/system';
import { rule as kemuUnknown } from './kemu/unknown';
import { rule as kemuName } from './kemu/name';
import { rule as kemuParent } from './kemu/parent';
import { rule as kemuConflict } from './kemu/conflict';
import { rule as kemuDuplicateRow } from './kemu/duplicate-row';
import { rule as unitsSum, unchecked as unitsUnchecked } from './units/sum';
import { rule as annotationUnused } from './annotations/unused';
import { rule as importUncertain } from './annotations/import-marker';

export const RULES: readonly Rule[] = [
  ...formatRules, placeholderField,
  sumChildren, sumTotal, sumColumns, ...crossRules, emptyNote, tableCoverage,
  perfFunds, perfTotal, perfScore,
  ...narrativeRules,
  glossaryDuplicate, glossaryNumbering, glossaryMissing,
  kemuCode, kemuSystem, kemuUnknown, kemuName, kemuParent, kemuConflict, kemuDuplicateRow,
  unitsSum, unitsUnchecked,
  annotationUnused, importUncertain,
];

const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.meta.id, r]));
if (BY_ID.size !== RULES.length) throw new Error('two rules with one id');
for (const r of RULES) registerMessages(r.meta.messages);

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id)?.meta;
}

/** Every rule id, in registry order (the values jsgk.severity accepts). */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);
