#!/usr/bin/env node
// Runs the mocha suites (compiled to out/) and ends with the line CI reads: "N passed, N failed".
'use strict';
const MochaMod = require('mocha');
const Mocha = MochaMod.Mocha || MochaMod.default || MochaMod;
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..');
function files(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const mocha = new Mocha({ reporter: 'spec', timeout: 60000 });
const grep = process.env.JSGK_TEST_GREP;
if (grep) mocha.grep(grep);
for (const f of files(path.join(root, 'out', 'test'))) mocha.addFile(f);
let passed = 0;
let failed = 0;
let skipped = 0;
const runner = mocha.run((failures) => {
  const extra = summaryFromEnv();
  passed += extra.passed;
  failed += extra.failed;
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failures > 0 || failed > 0 ? 1 : 0;
});
runner.on('pass', () => passed++);
runner.on('fail', () => failed++);
runner.on('pending', () => skipped++);

function summaryFromEnv() {
  return { passed: 0, failed: 0 };
}
