import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SAMPLES = path.join(ROOT, 'samples');

/** The samples written in YAML (most tests read these as YAML text). */
export function sampleFiles(): string[] {
  return fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.jsgk.yaml')).sort().map((f) => path.join(SAMPLES, f));
}

/** Every sample, YAML and DSL (check them with their file name: *.jsgk is the DSL). */
export function allSampleFiles(): string[] {
  return fs.readdirSync(SAMPLES).filter((f) => /\.jsgk(\.ya?ml)?$/.test(f)).sort().map((f) => path.join(SAMPLES, f));
}

/** A sample by its number, in whichever syntax it is written. */
export function sample(prefix: string): { file: string; text: string } {
  const f = allSampleFiles().find((p) => path.basename(p).startsWith(prefix));
  if (!f) throw new Error('no sample ' + prefix);
  return { file: f, text: fs.readFileSync(f, 'utf8') };
}

/** JSON of a value with bigint and typed arrays made plain, for deep comparisons. */
export function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() + 'n' : x instanceof Int32Array ? Array.from(x) : x)));
}
