/**
 * Entry point of the mocha suite that runs inside the VS Code extension host (what
 * @vscode/test-electron's runTests loads as extensionTestsPath). Writes a summary for the
 * project's test runner when JSGK_VSCODE_RESULTS names a file.
 */
import * as fs from 'fs';
import * as path from 'path';

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MochaMod = require('mocha');
  const Mocha = MochaMod.Mocha ?? MochaMod.default ?? MochaMod;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const failures: string[] = [];
    const runner = mocha.run((n: number) => {
      const out = process.env.JSGK_VSCODE_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ passed, failed, failures }));
      if (n > 0) reject(new Error(`${n} 个测试失败`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', (t: { fullTitle(): string }, e: Error) => {
      failed++;
      failures.push(`${t.fullTitle()}: ${e.message}`);
    });
  });
}
