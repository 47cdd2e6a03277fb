// Preloaded (NODE_OPTIONS=--require) into Stryker's processes by scripts/mutation.js.
// @stryker-mutator/mocha-runner 9.6.1 requires mocha/lib/cli/run-helpers and mocha/lib/cli/options
// without an extension; mocha 12 ships them as .cjs. Stryker 10 knows that but needs Node 22, and this
// project runs on Node 20: letting require() try .cjs as well is the whole difference.
'use strict';
const Module = require('module');
if (!Module._extensions['.cjs']) Module._extensions['.cjs'] = Module._extensions['.js'];
