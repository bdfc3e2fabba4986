#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI lives in policies/cli (compiled to dist/).
require('../dist/policies/cli/main.js').main(process.argv.slice(2)).then(
  // A write error on stdout may already have set exit code 2 (see guardStdout).
  (code) => { if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code; },
  () => { process.stderr.write('phikit: internal error\n'); process.exitCode = 3; },
);
