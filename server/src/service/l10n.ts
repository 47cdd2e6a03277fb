/**
 * Message language of the language service. Messages are written in 简体中文 in the code, as the
 * keys of `t()` (the @vscode/l10n convention: the source string is the key, `{0}` its arguments);
 * each rule module translates its own messages (meta.messages), data/messages.en.json the rest. The language is per process (one server, one CLI run):
 * switch it through `LanguageService.configure({ language })`, which also drops the cached results.
 */
import * as l10n from '@vscode/l10n';
import en from './data/messages.en.json';

export type Language = 'zh-cn' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-cn', 'en'];

let current: Language = 'zh-cn';
/** data/messages.en.json (front ends, features, command line) and the messages each rule module brings. */
const bundle: Record<string, string> = { ...(en as Record<string, string>) };

/** Adds messages with their English (a rule module's meta.messages). */
export function registerMessages(messages: Record<string, string>): void {
  Object.assign(bundle, messages);
  if (current === 'en') l10n.config({ contents: bundle });
}

/** Every English message known (for tests and tools). */
export function englishBundle(): Readonly<Record<string, string>> {
  return bundle;
}

export function setLanguage(lang: Language): void {
  current = lang === 'en' ? 'en' : 'zh-cn';
  l10n.config({ contents: current === 'en' ? bundle : {} });
}

export function language(): Language {
  return current;
}

/** A message in the current language: `t('合计 {0} ≠ {1}', a, b)`. */
export function t(message: string, ...args: Array<string | number>): string {
  return l10n.t(message, ...args);
}

/** The list separator of the current language (、 in Chinese). */
export function listSep(): string {
  return current === 'en' ? ', ' : '、';
}
