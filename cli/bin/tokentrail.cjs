#!/usr/bin/env node
// Runner for the `tokentrail` command: the CLI is built into dist/ by `npm ci` (the prepare script).
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', '..', 'dist', 'cli', 'tokentrail.cjs');
if (!fs.existsSync(built)) {
  process.stderr.write(
    'tokentrail: the CLI is not built yet; run "npm run prepare" (or npm ci) in the Tokentrail folder.\n',
  );
  process.exit(2);
}
require(built);
