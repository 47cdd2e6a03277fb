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
  // the CMaps of simplified-Chinese fonts that are not embedded: every GB encoding, horizontal and vertical
  // (UniGB-UCS2-H, GBK-EUC-H, GBpc-EUC-H, GBK2K-H …, which use one another), and Adobe-GB1-UCS2, through which
  // pdfjs turns the CIDs of a GB1 font into text (384 KB). Not the other CMaps (Japanese, Korean, traditional
  // Chinese), not the standard fonts nor the image decoders (wasm): reading text needs neither (pdf.ts)
  fs.mkdirSync(path.join(dest, 'cmaps'));
  for (const c of fs.readdirSync(path.join(src, 'cmaps'))) if (/GB/.test(c) && c.endsWith('.bcmap')) fs.copyFileSync(path.join(src, 'cmaps', c), path.join(dest, 'cmaps', c));
  fs.copyFileSync(path.join(src, 'cmaps', 'LICENSE'), path.join(dest, 'cmaps', 'LICENSE'));
  fs.copyFileSync(path.join(src, 'LICENSE'), path.join(dest, 'LICENSE'));
}).catch((e) => {
  console.error('打包 dist/ 失败：', e.message || e);
  process.exit(1);
});
