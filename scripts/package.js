#!/usr/bin/env node
// Packages the extension into jsgk-<version>.vsix with @vscode/vsce (run after the build).
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const out = path.join(root, `jsgk-${pkg.version}.vsix`);
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const base = pkg.repository.url.replace(/\.git$/, '');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--baseContentUrl', `${base}/blob/main`, '--baseImagesUrl', `${base}/raw/main`, '-o', out], { cwd: root, stdio: 'inherit' });
console.log(out);
