#!/usr/bin/env node
// Prints the mutation score of `npm run mutation` (reports/mutation/mutation.json, Stryker's JSON
// report) per folder of the service: score = (killed + timed out) / (killed + timed out + survived +
// no coverage). The README states the figure for rules/ (without rules/narrative/).
'use strict';
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'reports', 'mutation', 'mutation.json');
if (!fs.existsSync(file)) {
  console.error(`没有找到 ${file}：请先运行 npx stryker run`);
  process.exit(2);
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const groups = new Map();
const add = (name, status) => {
  const g = groups.get(name) ?? { killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0 };
  if (status === 'Killed') g.killed++;
  else if (status === 'Timeout') g.timeout++;
  else if (status === 'Survived') g.survived++;
  else if (status === 'NoCoverage') g.noCoverage++;
  else g.other++;
  groups.set(name, g);
};
for (const [p, f] of Object.entries(report.files)) {
  const rel = p.replace(/\\/g, '/').replace(/^.*server\/src\/service\//, '');
  const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : rel;
  for (const m of f.mutants) {
    add(dir, m.status);
    if (rel.startsWith('rules/')) add('rules/ (all)', m.status);
  }
}
const score = (g) => {
  const valid = g.killed + g.timeout + g.survived + g.noCoverage;
  return valid ? (100 * (g.killed + g.timeout)) / valid : 100;
};
console.log('\nmutation score (killed + timeout) / (killed + timeout + survived + no coverage):');
for (const [name, g] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
  console.log(`  ${name.padEnd(24)} ${score(g).toFixed(2).padStart(6)}%  killed ${g.killed}, timeout ${g.timeout}, survived ${g.survived}, no coverage ${g.noCoverage}`);
}
