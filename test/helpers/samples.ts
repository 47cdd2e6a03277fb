import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SAMPLES = path.join(ROOT, 'samples');

export function sampleFiles(): string[] {
  return fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.jsgk.yaml')).sort().map((f) => path.join(SAMPLES, f));
}

export function sample(prefix: string): { file: string; text: string } {
  const f = sampleFiles().find((p) => path.basename(p).startsWith(prefix));
  if (!f) throw new Error('no sample ' + prefix);
  return { file: f, text: fs.readFileSync(f, 'utf8') };
}

/** JSON of a value with bigint and typed arrays made plain, for deep comparisons. */
export function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() + 'n' : x instanceof Int32Array ? Array.from(x) : x)));
}

/** A sample of either syntax (*.jsgk.yaml or the DSL *.jsgk) by its number. */
export function anySample(prefix: string): { file: string; text: string } {
  const f = fs.readdirSync(SAMPLES).find((x) => x.startsWith(prefix) && /\.jsgk(\.yaml)?$/.test(x));
  if (!f) throw new Error('no sample ' + prefix);
  return { file: path.join(SAMPLES, f), text: fs.readFileSync(path.join(SAMPLES, f), 'utf8') };
}
