/**
 * The settings a user can change, and how they apply to findings — in the service, so that the
 * editor (jsgk.* settings) and the command line (jsgk.config.json, a "jsgk" key in package.json,
 * flags) show the same findings for the same settings.
 */
import { Finding, Severity } from './model';
import { ruleMeta } from './rules/registry';

export type SeveritySetting = Severity | 'off';

export interface Settings {
  /** Severity per rule id ('off' hides the rule, its 尾数误差 notes included). */
  severity: Record<string, SeveritySetting>;
  /** How 尾数误差 notes are shown. */
  rounding: 'information' | 'warning' | 'hint' | 'off';
  /** 科目 edition to check against ('' : the report's 科目版本, else its 年度). */
  kemuEdition: string;
  language: 'zh-cn' | 'en';
  /** Inlay hints after checked totals: none, only those that differ (≈ and ≠), or all. */
  inlayHints: 'off' | 'mismatches' | 'all';
}

export const DEFAULT_SETTINGS: Settings = { severity: {}, rounding: 'information', kemuEdition: '', language: 'zh-cn', inlayHints: 'mismatches' };

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** A problem with a setting, said so that a user can fix it. */
export interface SettingProblem {
  key: string;
  message: string;
}

/**
 * Settings from a partial object (a project file, the editor's configuration): unknown rule ids and
 * values are problems, never silently accepted; everything else falls back to the default.
 */
export function readSettings(raw: unknown): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const s: Settings = { ...DEFAULT_SETTINGS, severity: {} };
  if (raw === undefined || raw === null) return { settings: s, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings: s, problems: [{ key: 'jsgk', message: '设置应为键值对（{"severity": {…}, "rounding": …}）' }] };
  const o = raw as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    switch (k) {
      case 'severity':
        if (!v || typeof v !== 'object' || Array.isArray(v)) { problems.push({ key: k, message: '“severity”应为 {规则: 严重程度} 的键值对' }); break; }
        for (const [id, sev] of Object.entries(v as Record<string, unknown>)) {
          if (!ruleMeta(id)) problems.push({ key: `severity.${id}`, message: `没有规则“${id}”（规则见 README 的规则表）` });
          else if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) problems.push({ key: `severity.${id}`, message: `“${id}”的严重程度应为 error、warning、information、hint 或 off，而这里是“${String(sev)}”` });
          else s.severity[id] = sev as SeveritySetting;
        }
        break;
      case 'rounding':
        if (v === 'information' || v === 'warning' || v === 'hint' || v === 'off') s.rounding = v;
        else problems.push({ key: k, message: `“rounding”应为 information、warning、hint 或 off，而这里是“${String(v)}”` });
        break;
      case 'kemuEdition':
        if (v === '' || (typeof v === 'string' && /^\d{4}$/.test(v)) || (typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999)) s.kemuEdition = String(v);
        else problems.push({ key: k, message: `“kemuEdition”应为四位年份（或空），而这里是“${String(v)}”` });
        break;
      case 'language':
        if (v === 'zh-cn' || v === 'en') s.language = v;
        else problems.push({ key: k, message: `“language”应为 zh-cn 或 en，而这里是“${String(v)}”` });
        break;
      case 'inlayHints':
        if (v === 'off' || v === 'mismatches' || v === 'all') s.inlayHints = v;
        else problems.push({ key: k, message: `“inlayHints”应为 off、mismatches 或 all，而这里是“${String(v)}”` });
        break;
      default:
        problems.push({ key: k, message: `不认识的设置“${k}”（可用：severity、rounding、kemuEdition、language、inlayHints）` });
    }
  }
  return { settings: s, problems };
}

/** The edition the settings ask for, if any. */
export function editionSetting(s: Settings): number | undefined {
  return /^\d{4}$/.test(s.kemuEdition) ? Number(s.kemuEdition) : undefined;
}

/**
 * Findings as the settings show them: a rule set to 'off' is gone, a severity override applies to
 * the rule's findings, 尾数误差 notes take the rounding setting. New objects; the input is untouched.
 */
export function applySettings(findings: Finding[], s: Settings): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const o = s.severity[f.rule];
    if (o === 'off') continue;
    let sev: SeveritySetting = f.severity;
    if (f.rounding) sev = s.rounding;
    else if (o) sev = o;
    if (sev === 'off') continue;
    out.push(sev === f.severity ? f : { ...f, severity: sev });
  }
  return out;
}
