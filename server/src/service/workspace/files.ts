/**
 * Report files: which file names are reports, which syntax a name means, and the name a converted
 * report gets. One place for each, used by the CLI, the server and the features.
 */
import { Syntax } from '../model';

/** A report file: *.jsgk (DSL), *.jsgk.yaml or *.jsgk.yml (YAML). */
export const REPORT_FILE = /\.jsgk(\.ya?ml)?$/i;

/** The glob the editor watches for report files (the same names as REPORT_FILE). */
export const REPORT_GLOB = '**/*.{jsgk,jsgk.yaml,jsgk.yml}';

/** The syntax of a file by its name: *.jsgk is the DSL, everything else YAML. */
export function syntaxOf(uri: string): Syntax {
  return /\.jsgk$/i.test(uri) ? 'dsl' : 'yaml';
}

/**
 * The syntax of an open document: by its name when the name says (*.yaml, *.jsgk), else by its
 * language id (an untitled document keeps its language).
 */
export function syntaxOfDocument(uri: string, languageId?: string): Syntax {
  if (/\.ya?ml$/i.test(uri)) return 'yaml';
  if (/\.jsgk$/i.test(uri)) return 'dsl';
  return languageId === 'jsgk' ? 'dsl' : 'yaml';
}

/** The file a report converted to `to` is written to: r.jsgk.yaml ⇄ r.jsgk, next to it; `copy` n: r（n）.jsgk when that name is taken. */
export function convertedName(file: string, to: Syntax, copy?: number): string {
  const stem = to === 'dsl' ? file.replace(/\.jsgk\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') : file.replace(/\.jsgk$/i, '');
  return stem + (copy ? `（${copy}）` : '') + (to === 'dsl' ? '.jsgk' : '.jsgk.yaml');
}
