#!/usr/bin/env node
// Bundles the compiled extension and language server (out/, from tsc) into dist/extension.js and
// dist/server.js with esbuild, so that the .vsix holds two files instead of node_modules
// (the data JSON files are inlined; `vscode` stays external).
'use strict';
const path = require('path');
const esbuild = require('esbuild');
const root = path.resolve(__dirname, '..');

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: false, logLevel: 'warning', legalComments: 'none' };
Promise.all([
  esbuild.build({ ...common, entryPoints: [path.join(root, 'out', 'client', 'src', 'extension.js')], outfile: path.join(root, 'dist', 'extension.js'), external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: [path.join(root, 'out', 'server', 'src', 'server.js')], outfile: path.join(root, 'dist', 'server.js') }),
]).catch((e) => {
  console.error('打包 dist/ 失败：', e.message || e);
  process.exit(1);
});
