/**
 * `jsgk check` on many files runs on several threads (checkFilesParallel): each 部门 report with
 * its units in one thread, the results back in the order of the files — the same findings and
 * coverage as checking them all in one thread.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFilesParallel, checkFilesWithCoverage } from '../server/src/cli/jsgk';
import { findReportsSync } from '../server/src/service/workspace/discovery';
import { generateWorkspace } from '../scripts/gen-workspace';
import { ROOT } from './helpers/samples';

describe('jsgk check on several threads', function () {
  this.timeout(300000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-par-'));
    generateWorkspace(dir, { depts: 4, unitsPerDept: 6 });
    // and the example of a 部门 report with its two units
    fs.cpSync(path.join(ROOT, 'examples', '部门与所属单位'), path.join(dir, 'example'), { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the findings and coverage of one thread, in the order of the files', () => {
    const files = findReportsSync([dir]).files.map((f) => f.path);
    const one = checkFilesWithCoverage(files);
    const two = checkFilesParallel(files, { workers: 3, minFilesPerWorker: 5 });
    assert.ok(one.findings.some((f) => f.rule === 'units.sum'), 'the 部门 reports were checked against their units');
    assert.deepStrictEqual(two.findings, one.findings);
    assert.deepStrictEqual(two.coverage, one.coverage);
  });
});
