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
]).then(() => {
  // jsgk import reads PDFs with pdfjs-dist, an ES module loaded at run time: the .vsix carries its
  // legacy build (and the CMaps of CJK fonts) next to the bundle, as dist/pdfjs
  const fs = require('fs');
  const src = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const dest = path.join(root, 'dist', 'pdfjs');
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(path.join(dest, 'legacy', 'build'), { recursive: true });
  for (const f of ['pdf.mjs', 'pdf.worker.mjs']) fs.copyFileSync(path.join(src, 'legacy', 'build', f), path.join(dest, 'legacy', 'build', f));
  // the CMaps of simplified-Chinese fonts that are not embedded (the .vsix stays small: no other CMaps, no standard fonts,
  // which only drawing needs)
  fs.mkdirSync(path.join(dest, 'cmaps'));
  for (const c of ['UniGB-UCS2-H', 'UniGB-UTF16-H', 'UniGB-UTF8-H', 'GBK-EUC-H', 'GB-EUC-H', 'Adobe-GB1-UCS2']) fs.copyFileSync(path.join(src, 'cmaps', c + '.bcmap'), path.join(dest, 'cmaps', c + '.bcmap'));
  fs.copyFileSync(path.join(src, 'LICENSE'), path.join(dest, 'LICENSE'));
}).catch((e) => {
  console.error('打包 dist/ 失败：', e.message || e);
  process.exit(1);
});
