#!/usr/bin/env node
'use strict';
const path = require('path');
let cli;
try {
  cli = require(path.join(__dirname, '..', 'out', 'server', 'src', 'cli', 'jsgk.js'));
} catch (e) {
  process.stderr.write('jsgk 尚未构建：请先在项目根目录运行 npm ci && npm run build\n');
  process.exit(2);
}
// exit code = the command's (main is asynchronous: jsgk import reads a PDF asynchronously);
// `jsgk check … | head`: no EPIPE stack trace
void cli.run(process.argv.slice(2));
