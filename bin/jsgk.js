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
cli.exitQuietlyOnClosedPipe(); // `jsgk check … | head`: no EPIPE stack trace
process.exitCode = cli.main(process.argv.slice(2));
