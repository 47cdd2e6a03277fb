/**
 * Message language of the language service. Messages are written in 简体中文 in the code, as the
 * keys of `t()` (the @vscode/l10n convention: the source string is the key, `{0}` its arguments);
 * each rule module translates its own messages (meta.messages), data/messages.en.json the rest. The language is per process (one server, one CLI run):
 * switch it through `LanguageService.configure({ language })`, which also drops the cached results.
 */
import en from './data/messages.en.json';

export type Language = 'zh-cn' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-cn', 'en'];

let current: Language = 'zh-cn';
/** data/messages.en.json (front ends, features, command line) and the messages each rule module brings. */
const bundle: Record<string, string> = { ...(en as Record<string, string>) };

/** Adds messages with their English (a rule module's meta.messages). */
export function registerMessages(messages: Record<string, string>): void {
  Object.assign(bundle, messages);
}

/** Every English message known (for tests and tools). */
export function englishBundle(): Readonly<Record<string, string>> {
  return bundle;
}

export function setLanguage(lang: Language): void {
  current = lang === 'en' ? 'en' : 'zh-cn';
}

export function language(): Language {
  return current;
}

/** Templates split once into their text and argument indexes (a check formats thousands of messages). */
const compiled = new Map<string, Array<string | number>>();

function compile(template: string): Array<string | number> {
  const out: Array<string | number> = [];
  let last = 0;
  for (const m of template.matchAll(/{([^}]+)}/g)) {
    const i = /^(0|[1-9]\d*)$/.test(m[1]) ? Number(m[1]) : -1;
    if (i < 0) continue; // not an argument: kept as written (as @vscode/l10n does)
    out.push(template.slice(last, m.index), i);
    last = m.index! + m[0].length;
  }
  out.push(template.slice(last));
  return out;
}

/**
 * A message in the current language: `t('合计 {0} ≠ {1}', a, b)`. The same result as @vscode/l10n's
 * `t` with the bundle set by setLanguage (the message itself when the bundle has none; `{n}` without
 * an argument n left as written), without its regular expression at every call.
 */
export function t(message: string, ...args: Array<string | number>): string {
  const template = current === 'en' ? bundle[message] || message : message;
  if (args.length === 0) return template;
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = compile(template)));
  let s = parts[0] as string;
  for (let k = 1; k < parts.length; k += 2) {
    const i = parts[k] as number;
    s += (i < args.length && args[i] !== undefined && args[i] !== null ? String(args[i]) : `{${i}}`) + (parts[k + 1] as string);
  }
  return s;
}

/** The list separator of the current language (、 in Chinese). */
export function listSep(): string {
  return current === 'en' ? ', ' : '、';
}
