/** samples/README.md states each sample's coverage: regenerated from a check of every sample, it must not differ. */
import * as assert from 'assert';
import * as fs from 'fs';
import { README, withSection } from '../scripts/samples-readme';

describe('samples/README.md', () => {
  it('states the coverage each sample has today (npm run samples:readme rewrites it)', () => {
    const text = fs.readFileSync(README, 'utf8');
    assert.strictEqual(text, withSection(text), 'samples/README.md is out of date: run npm run samples:readme');
    assert.match(text, /\| 011 \| 9 \| \d+ \| 是 \|/);
  });
});
