import { createRequire } from 'node:module';
import path from 'node:path';

// Entry point of dist/cli/tokentrail.cjs: a dispatcher, kept tiny so that starting it costs nothing. `inspect` runs
// from dist/cli/inspect.cjs (the token engine and that command only), everything else from dist/cli/commands.cjs;
// both sit beside this file (build/build.mjs, test/support/build-cli.ts). Loaded at run time by path, so the bundler
// leaves them out of this file.
const bundle = process.argv[2] === 'inspect' ? 'inspect.cjs' : 'commands.cjs';
createRequire(__filename)(path.join(__dirname, bundle));
