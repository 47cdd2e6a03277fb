import { Finding, Range } from '../model';

/**
 * Moves the ranges of cached findings by delta after the text they sit in moved (an edit above
 * it). Ranges that are objects of the model itself are moved by parser.rebase already: `own`
 * says which findings hold ranges made only for them. A range object shared by two places of a
 * finding (its range and its fix's edit) moves once.
 */
export function moveFindings(fs: Finding[], delta: number, own: (f: Finding) => boolean = () => true): void {
  const done = new Set<Range>();
  const mv = (r: Range) => {
    if (done.has(r)) return;
    done.add(r);
    r.start += delta;
    r.end += delta;
  };
  for (const f of fs) {
    if (!own(f)) continue;
    mv(f.range);
    for (const x of f.related ?? []) mv(x.range);
    for (const fx of f.fixes ?? []) for (const e of fx.edits) mv(e.range);
  }
}
