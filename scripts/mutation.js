#!/usr/bin/env node
// npm run mutation: Stryker over the rules (stryker.config.json), then the score per folder
// (scripts/mutation-score.js). Not part of npm test. See docs/mutation.md.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const shim = path.join(__dirname, 'mocha12-cjs.js');
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(shim)}`.trim() };
const bin = path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const r = spawnSync(process.execPath, [bin, 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
if (r.status !== 0) process.exit(r.status ?? 1);
const s = spawnSync(process.execPath, [path.join(__dirname, 'mutation-score.js')], { cwd: root, stdio: 'inherit' });
process.exit(s.status ?? 1);
