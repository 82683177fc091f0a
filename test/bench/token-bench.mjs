// Token engine benchmarks, side by side: node test/bench/token-bench.mjs [tokensPerAlg=100000] [words=2000000] [runs=3]
// Every ratio is measured in this run, on the same files, whole process against whole process, the two sides
// alternating (A B A B …) so a change in the machine's load hits both; each side's figure is the median of `runs`.
// The load average is printed with every section: the machine may be shared.
//  1. Bulk verification through the CLI's worker pool for five algorithms, against raw node:crypto per core measured
//     in the same run (target: pool ≥ 0.7 × raw × cores).
//  2. `tokentrail inspect --json` on N tokens per algorithm against PyJWT's whole process on the same file
//     (test/bench/pyjwt-inspect.py: decode, verify, one JSON line per token; target ≥ 2× for HS256, RS256, ES256).
//     The files hold two headers (one with a jku) and one token in a hundred with a broken signature, so findings
//     and invalid verdicts are part of what is compared; RS256 signs 10,000 distinct tokens and repeats them (RSA
//     signing is slow). Also printed: the minimal Node verifier
//     (helper-minimal-verifier.mjs, one run: the floor of any whole-process verifier in Node here).
//  3. Identical output: the bulk path (blocks in worker threads, header results reused) and the slow path
//     (--workers 0: one thread, streaming, every check on every token) must print byte-identical JSON for every token.
//  4. HMAC secret search on a `words`-word list: `inspect --wordlist` against jwt_tool v2.2.7 `-C -d` whole process
//     (target ≥ 3×), inspect's peak RSS (target ≤ 100 MB) and its CPU use (user+sys ÷ wall ÷ cores: every core busy
//     is 1.0). Without jwt_tool, a raw createHmac loop on every core is the baseline instead, and the bench says so.
// Peers: PyJWT from Debian's python3-jwt (or TOKENTRAIL_BENCH_PYTHON); jwt_tool from TOKENTRAIL_BENCH_JWT_TOOL (path to
// jwt_tool.py of v2.2.7, commit e4f380f of github.com/ticarpi/jwt_tool), else /tmp/jwt_tool/jwt_tool.py. jwt_tool
// runs with HOME set to a temporary folder (it writes its config into ~/.jwt_tool on first start; that first start
// is made once, untimed). Its imports (termcolor, Cryptodome, requests) come from Debian's python3-termcolor,
// python3-pycryptodome and python3-requests.
// Needs the CLI built (node build/build.mjs cli). No timed assertions: figures only; a wrong answer stops the bench.
import { build } from 'esbuild';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, createWriteStream, existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const count = Number(process.argv[2] ?? 100_000);
const wordCount = Number(process.argv[3] ?? 2_000_000);
const runs = Math.max(1, Number(process.argv[4] ?? 3));
const cores = availableParallelism();
const load = () =>
  `load ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`;
const rate = (n, ms) => Math.round((n / ms) * 1000);
const fmt = (n) => n.toLocaleString('en-US');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/**
 * Run a program (a .cjs/.mjs file runs under this Node): wall ms, CPU s (user + sys) and peak RSS in MB when
 * /usr/bin/time exists, stdout as bytes.
 */
function runProcess(file, args, env) {
  const command = /\.[cm]js$/.test(file) ? [process.execPath, file, ...args] : [file, ...args];
  const started = performance.now();
  const run = timeBinary
    ? spawnSync(timeBinary, ['-f', 'TIME %M %U %S', ...command], { maxBuffer: 1 << 30, env: env ?? process.env })
    : spawnSync(command[0], command.slice(1), { maxBuffer: 1 << 30, env: env ?? process.env });
  const ms = performance.now() - started;
  const stderr = run.stderr.toString();
  const timeLine = stderr
    .trim()
    .split('\n')
    .findLast((line) => line.startsWith('TIME '));
  const [rss, user, sys] = timeLine ? timeLine.slice(5).split(' ').map(Number) : [];
  return {
    ms,
    rss: rss === undefined ? undefined : rss / 1024,
    cpu: user + sys,
    stdout: run.stdout,
    stderr,
    status: run.status,
  };
}
/** `runs` rounds of each side in turn (A B A B …); per side the runs, and the median wall time. */
function alternate(sides) {
  const results = sides.map(() => []);
  for (let round = 0; round < runs; round++)
    sides.forEach((side, index) => {
      const run = runProcess(side.file, side.args, side.env);
      side.check(run);
      results[index].push(run);
    });
  return results.map((list) => ({ runs: list, ms: median(list.map((run) => run.ms)) }));
}

const python = process.env.TOKENTRAIL_BENCH_PYTHON ?? '/usr/bin/python3';
const pyjwtVersion = existsSync(python)
  ? spawnSync(python, ['-c', 'import jwt; print(jwt.__version__)']).stdout?.toString().trim()
  : '';
const pyjwtScript = path.join(root, 'test/bench/pyjwt-inspect.py');
const jwtTool = process.env.TOKENTRAIL_BENCH_JWT_TOOL ?? '/tmp/jwt_tool/jwt_tool.py';
const dir = mkdtempSync(path.join(tmpdir(), 'tokentrail-bench-'));
const cli = path.join(root, 'dist/cli/tokentrail.cjs');
const minimalVerifier = path.join(root, 'test/bench/helper-minimal-verifier.mjs');
if (!existsSync(cli)) spawnSync(process.execPath, [path.join(root, 'build/build.mjs'), 'cli'], { stdio: 'inherit' });

// The pool bundled as the CLI is: it starts its workers from node-crypto-worker.cjs beside it (cli/node-crypto-worker-file.ts).
await build({
  entryPoints: {
    pool: path.join(root, 'cli/node-crypto-pool.ts'),
    'node-crypto-worker': path.join(root, 'cli/node-crypto-worker.ts'),
    // The two ways a worker guesses an HS256 secret, measured per candidate on one core in section 3.
    'secret-guess': path.join(root, 'cli/node-crypto-secret-guess.ts'),
    'candidate-batch': path.join(root, 'cli/node-crypto-candidate-batch.ts'),
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir: dir,
  outExtension: { '.js': '.cjs' },
  logLevel: 'warning',
});
const { createCryptoPool } = createRequire(import.meta.url)(path.join(dir, 'pool.cjs'));

const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const ALGS = {
  HS256: () => ({ secret: crypto.randomBytes(32) }),
  RS256: () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
  PS256: () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
  ES256: () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  EdDSA: () => crypto.generateKeyPairSync('ed25519'),
};
/** The algorithms with a whole-process comparison against PyJWT (the issue's targets). */
const WHOLE_PROCESS = new Set(['HS256', 'RS256', 'ES256']);
function sign(alg, keys, input) {
  if (alg.startsWith('HS')) return crypto.createHmac('sha256', keys.secret).update(input).digest();
  if (alg === 'EdDSA') return crypto.sign(null, Buffer.from(input), keys.privateKey);
  if (alg.startsWith('PS'))
    return crypto.sign('sha256', Buffer.from(input), {
      key: keys.privateKey,
      padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 32,
    });
  if (alg.startsWith('ES'))
    return crypto.sign('sha256', Buffer.from(input), { key: keys.privateKey, dsaEncoding: 'ieee-p1363' });
  return crypto.sign('sha256', Buffer.from(input), keys.privateKey);
}
function rawVerify(alg, key, data, sig) {
  if (alg.startsWith('HS')) return crypto.timingSafeEqual(crypto.createHmac('sha256', key).update(data).digest(), sig);
  if (alg === 'EdDSA') return crypto.verify(null, data, key, sig);
  if (alg.startsWith('PS'))
    return crypto.verify('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig);
  if (alg.startsWith('ES')) return crypto.verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig);
  return crypto.verify('sha256', data, key, sig);
}
/**
 * Raw node:crypto on every core at once: one thread per core, each verifying the same `items` with `rawVerify`,
 * started together; verifications per second over all of them. "raw per core × cores" assumes the cores scale
 * perfectly; on this virtual machine two busy cores were measured at 1.5–2.5× one (neighbours, shared caches), so the
 * pool is also shown against what the machine gives when every core verifies.
 */
async function rawAllCores(alg, rawKey, items) {
  const material = alg.startsWith('HS') ? rawKey : rawKey.export({ type: 'spki', format: 'der' });
  const source = `
    const crypto = require('node:crypto');
    const { parentPort, workerData } = require('node:worker_threads');
    ${rawVerify.toString()}
    const { alg, material, items } = workerData;
    const key = alg.startsWith('HS')
      ? Buffer.from(material)
      : crypto.createPublicKey({ key: Buffer.from(material), format: 'der', type: 'spki' });
    const pairs = items.map(([data, signature]) => [Buffer.from(data), Buffer.from(signature)]);
    for (let i = 0; i < Math.min(500, pairs.length); i++) rawVerify(alg, key, pairs[i][0], pairs[i][1]);
    parentPort.postMessage('ready');
    parentPort.once('message', () => {
      const started = performance.now();
      for (const [data, signature] of pairs) if (!rawVerify(alg, key, data, signature)) throw new Error('raw verify failed');
      parentPort.postMessage(performance.now() - started);
    });`;
  const threads = Array.from(
    { length: cores },
    () => new Worker(source, { eval: true, workerData: { alg, material, items } }),
  );
  const next = (worker) => new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
  await Promise.all(threads.map(next));
  const done = threads.map(next);
  for (const worker of threads) worker.postMessage('go');
  const elapsed = await Promise.all(done);
  await Promise.all(threads.map((worker) => worker.terminate()));
  return rate(items.length * cores, Math.max(...elapsed));
}
/** Distinct RS256/PS256 tokens signed (then repeated), and tokens per pool pass for the asymmetric algorithms. */
const DISTINCT_RSA = 10_000;
const POOL_TOKENS = 20_000;
/** One token in this many has its signature broken (its first character changed): an invalid verdict to compare. */
const BROKEN_EVERY = 100;
const broken = (i) => i % BROKEN_EVERY === BROKEN_EVERY - 1;
const expectedValid = count - Math.floor(count / BROKEN_EVERY);

console.log(
  `Tokentrail token benchmarks — Node ${process.version}, ${cores} core(s), ${fmt(count)} tokens per algorithm, ${fmt(wordCount)} words, medians of ${runs} alternating whole-process runs; ${load()}\n`,
);
console.log('1. Bulk verification in the worker pool (valid tokens only), against raw node:crypto in this process');
console.log(
  'algorithm | raw node:crypto /core | raw, all cores at once | pool, cold pass | pool, warm best | pool ÷ (raw × cores) ≥0.7 | pool ÷ raw all at once | load',
);
const wholeRows = [];
// TOKENTRAIL_BENCH_ALGS=HS256,ES256 measures only those algorithms.
const only = process.env.TOKENTRAIL_BENCH_ALGS?.split(',');
for (const [alg, make] of Object.entries(ALGS)) {
  if (only && !only.includes(alg)) continue;
  const keys = make();
  // RSA signing costs ~1 ms a token (minutes for 100k on a busy machine): RS256 and PS256 sign DISTINCT_RSA distinct
  // tokens and repeat them in order to fill the file (nothing in inspect or PyJWT remembers a token it has seen).
  const distinct = alg.startsWith('RS') || alg.startsWith('PS') ? Math.min(count, DISTINCT_RSA) : count;
  const tokens = [];
  for (let i = 0; i < count; i++) {
    if (i >= distinct) {
      tokens.push(tokens[i % distinct]);
      continue;
    }
    const header =
      i % 2 === 0
        ? { alg, typ: 'JWT', kid: 'bench' }
        : { alg, typ: 'JWT', kid: 'bench', jku: 'https://issuer.example/jwks' };
    const input = `${b64(header)}.${b64({ sub: `user-${i}`, iat: 1_700_000_000 + i, exp: 4_000_000_000 + i, iss: 'https://issuer.example' })}`;
    tokens.push(`${input}.${sign(alg, keys, input).toString('base64url')}`);
  }
  // The pool passes take at most POOL_TOKENS of them (asymmetric verification of 100k tokens, four passes, would
  // take minutes on a busy machine without telling more).
  const parts = tokens.slice(0, alg.startsWith('HS') ? count : Math.min(count, POOL_TOKENS)).map((token) => {
    const at = token.lastIndexOf('.');
    return [Buffer.from(token.slice(0, at)), Buffer.from(token.slice(at + 1), 'base64url')];
  });
  const rawKey = alg.startsWith('HS') ? keys.secret : keys.publicKey;
  const sample = Math.min(parts.length, alg.startsWith('HS') ? 100_000 : 5000);
  const rawRate = () => {
    const started = performance.now();
    for (let i = 0; i < sample; i++)
      if (!rawVerify(alg, rawKey, parts[i][0], parts[i][1])) throw new Error('raw verify failed');
    return rate(sample, performance.now() - started);
  };
  const pool = createCryptoPool(cores);
  const jwk = alg.startsWith('HS') ? undefined : keys.publicKey.export({ format: 'jwk' });
  const key = alg.startsWith('HS')
    ? { id: 'k', kind: 'secret', secret: new Uint8Array(keys.secret) }
    : { id: 'k', kind: 'public', jwk, spki: new Uint8Array(0) };
  await Promise.all(parts.slice(0, 200).map(([d, s]) => pool.verify(alg, key, d, s))); // workers started, key imported
  // The first pass runs the workers' code cold; bulk verification of a large case runs warm, so the target is judged
  // on the best of three passes after it, each next to a raw pass (the raw figure is the best of those).
  const poolPass = async () => {
    const started = performance.now();
    const results = await Promise.all(parts.map(([d, s]) => pool.verify(alg, key, d, s)));
    if (results.some((ok) => !ok)) throw new Error(`pool verification failed for ${alg}`);
    return rate(parts.length, performance.now() - started);
  };
  const pooledCold = await poolPass();
  let pooled = 0;
  let raw = 0;
  let rawAll = 0;
  const rawItems = parts.slice(0, sample);
  for (let pass = 0; pass < 3; pass++) {
    raw = Math.max(raw, rawRate());
    rawAll = Math.max(rawAll, await rawAllCores(alg, rawKey, rawItems));
    pooled = Math.max(pooled, await poolPass());
  }
  await pool.close();
  console.log(
    `${alg.padEnd(9)} | ${fmt(raw).padStart(21)} | ${fmt(rawAll).padStart(22)} | ${fmt(pooledCold).padStart(15)} | ${fmt(pooled).padStart(15)} | ${(pooled / (raw * cores)).toFixed(2).padStart(25)} | ${(pooled / rawAll).toFixed(2).padStart(21)} | ${load()}`,
  );
  if (!WHOLE_PROCESS.has(alg)) continue;

  // The files of the whole-process runs: one token in a hundred broken.
  const tokenFile = path.join(dir, `${alg}.txt`);
  const breakSignature = (token) => {
    const at = token.lastIndexOf('.') + 1;
    return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
  };
  writeFileSync(tokenFile, `${tokens.map((token, i) => (broken(i) ? breakSignature(token) : token)).join('\n')}\n`);
  const keyFile = path.join(dir, `${alg}.jwk`);
  writeFileSync(
    keyFile,
    JSON.stringify(
      alg.startsWith('HS')
        ? { kty: 'oct', k: keys.secret.toString('base64url'), kid: 'bench' }
        : { ...jwk, kid: 'bench' },
    ),
  );
  wholeRows.push({ alg, tokenFile, keyFile });
}

console.log(
  `\n2. Whole process on ${fmt(count)} tokens (${fmt(expectedValid)} valid), ${runs} alternating runs per side`,
);
const validLines = (stdout, marker) => {
  let valid = 0;
  for (let at = stdout.indexOf(marker); at >= 0; at = stdout.indexOf(marker, at + 1)) valid++;
  return valid;
};
const inspectCheck = (what) => (run) => {
  const valid = validLines(run.stdout, Buffer.from('"status":"valid"'));
  if (valid !== expectedValid)
    throw new Error(`${what}: ${valid}/${expectedValid} valid (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
};
if (!pyjwtVersion)
  console.log(
    '(No Python with PyJWT here: apt-get install python3-jwt, or set TOKENTRAIL_BENCH_PYTHON. PyJWT columns are empty.)',
  );
console.log(
  `algorithm | inspect median s | PyJWT ${pyjwtVersion || '—'} median s | inspect ÷ PyJWT ≥2 (pairs min–max) | inspect tokens/s | inspect CPU s | PyJWT CPU s | minimal verifier tokens/s (1 run) | inspect peak RSS | identical JSON, bulk vs --workers 0 | load`,
);
const summary = [];
for (const { alg, tokenFile, keyFile } of wholeRows) {
  const sides = [
    { file: cli, args: ['inspect', tokenFile, '--keys', keyFile, '--json'], check: inspectCheck(`inspect ${alg}`) },
  ];
  if (pyjwtVersion)
    sides.push({
      file: python,
      args: [pyjwtScript, tokenFile, keyFile, alg],
      check: (run) => {
        const valid = validLines(run.stdout, Buffer.from('"status": "valid"'));
        if (valid !== expectedValid)
          throw new Error(`PyJWT ${alg}: ${valid}/${expectedValid} valid: ${run.stderr.slice(0, 500)}`);
      },
    });
  const [inspect, pyjwt] = alternate(sides);
  const slow = runProcess(cli, ['inspect', tokenFile, '--keys', keyFile, '--json', '--workers', '0']);
  inspectCheck(`inspect --workers 0 ${alg}`)(slow);
  const fast = inspect.runs[0].stdout;
  const identical = Buffer.compare(fast, slow.stdout) === 0;
  if (!identical) {
    const a = fast.toString().split('\n');
    const b = slow.stdout.toString().split('\n');
    const line = a.findIndex((text, i) => text !== b[i]);
    throw new Error(
      `${alg}: the bulk path and --workers 0 differ first at output line ${line + 1}:\n${a[line]}\n${b[line]}`,
    );
  }
  const minimal = runProcess(minimalVerifier, [tokenFile, keyFile, alg]);
  const pairs = pyjwt ? inspect.runs.map((run, i) => pyjwt.runs[i].ms / run.ms) : [];
  const ratio = pyjwt ? pyjwt.ms / inspect.ms : undefined;
  summary.push({ alg, ratio });
  const cpu = (side) => (side ? median(side.runs.map((run) => run.cpu)).toFixed(2) : '—');
  const rss = Math.max(...inspect.runs.map((run) => run.rss ?? 0));
  console.log(
    `${alg.padEnd(9)} | ${(inspect.ms / 1000).toFixed(2).padStart(16)} | ${pyjwt ? (pyjwt.ms / 1000).toFixed(2).padStart(16) : '—'.padStart(16)} | ${ratio ? `${ratio.toFixed(2)} (${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)})`.padStart(34) : '—'} | ${fmt(rate(count, inspect.ms)).padStart(16)} | ${cpu(inspect).padStart(13)} | ${cpu(pyjwt).padStart(11)} | ${fmt(rate(count, minimal.ms)).padStart(33)} | ${rss ? `${rss.toFixed(0)} MB` : 'n/a'} | ${identical ? `yes, ${fmt(count)} lines` : 'NO'} | ${load()}`,
  );
}

// 4. HMAC secret search (words = 0 leaves it out).
let searchRatio;
let searchRss = 0;
if (wordCount > 0) {
  const secret = 'not-in-the-list';
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'alice', exp: 4_000_000_000 })}`;
  const token = `${input}.${crypto.createHmac('sha256', secret).update(input).digest('base64url')}`;
  const wordlist = path.join(dir, 'words.txt');
  await new Promise((resolve) => {
    const stream = createWriteStream(wordlist);
    let i = 0;
    const write = () => {
      let ok = true;
      while (i < wordCount && ok) {
        const chunk = [];
        for (let j = 0; j < 10_000 && i < wordCount; j++, i++)
          chunk.push(i === wordCount - 1 ? secret : `candidate-${i.toString(36)}`);
        ok = stream.write(`${chunk.join('\n')}\n`);
      }
      if (i < wordCount) stream.once('drain', write);
      else stream.end(resolve);
    };
    write();
  });
  const inputBytes = Buffer.from(input);
  const rawWords = Array.from({ length: 200_000 }, (_, i) => Buffer.from(`candidate-${i.toString(36)}`));
  const rawGuessRate = () => {
    const started = performance.now();
    for (const word of rawWords) crypto.createHmac('sha256', word).update(inputBytes).digest();
    return rate(rawWords.length, performance.now() - started);
  };
  const rawGuess = Math.max(rawGuessRate(), rawGuessRate());
  // The step's own cost, one core, no file reading: the plain TypeScript guess one candidate at a time, and the
  // batches of four in WebAssembly SIMD lanes that the workers use for HS256.
  const signature = crypto.createHmac('sha256', secret).update(input).digest();
  const wire = { alg: 'HS256', input: inputBytes, signature };
  const { secretGuesser } = createRequire(import.meta.url)(path.join(dir, 'secret-guess.cjs'));
  const { candidateBatch } = createRequire(import.meta.url)(path.join(dir, 'candidate-batch.cjs'));
  const scalarGuess = secretGuesser(wire);
  const scalarRate = () => {
    const started = performance.now();
    for (const word of rawWords) if (scalarGuess(word, 0, word.length)) throw new Error('no candidate is the secret');
    return rate(rawWords.length, performance.now() - started);
  };
  const batchRate = () => {
    const batch = candidateBatch([wire], Uint8Array.of(1), () => {
      throw new Error('no candidate is the secret');
    });
    const started = performance.now();
    for (const word of rawWords) batch.offer(word, 0, word.length, 0);
    batch.flush();
    return rate(rawWords.length, performance.now() - started);
  };
  const scalarGuesses = Math.max(scalarRate(), scalarRate(), scalarRate());
  const simdGuesses = Math.max(batchRate(), batchRate(), batchRate());
  const searchCheck = (run) => {
    if (!run.stdout.includes('weak-hmac-secret'))
      throw new Error(`inspect --wordlist did not find the secret: ${run.stderr.slice(0, 500)}`);
  };
  const searchSide = { file: cli, args: ['inspect', token, '--wordlist', wordlist, '--json'], check: searchCheck };
  let jwtToolSide;
  if (existsSync(jwtTool) && existsSync(python)) {
    const home = path.join(dir, 'jwt-tool-home');
    mkdirSync(home);
    const env = { ...process.env, HOME: home };
    const tiny = path.join(dir, 'tiny-words.txt');
    writeFileSync(tiny, `a\n${secret}\n`);
    spawnSync(python, [jwtTool, token, '-C', '-d', tiny], { env }); // first start: writes ~/.jwt_tool/jwtconf.ini
    const probe = spawnSync(python, [jwtTool, token, '-C', '-d', tiny], { env }).stdout.toString();
    if (probe.includes('CORRECT key'))
      jwtToolSide = {
        file: python,
        args: [jwtTool, token, '-C', '-d', wordlist],
        env,
        check: (run) => {
          if (!run.stdout.toString().includes('CORRECT key'))
            throw new Error(`jwt_tool did not find the secret: ${run.stderr}`);
        },
      };
    else console.log(`(jwt_tool at ${jwtTool} does not run here: ${probe.slice(-300)})`);
  } else console.log(`(No jwt_tool at ${jwtTool}: set TOKENTRAIL_BENCH_JWT_TOOL to jwt_tool.py of v2.2.7.)`);

  console.log(
    `\n3. HMAC-SHA256 secret search on ${fmt(wordCount)} words (secret on the last line), ${runs} alternating runs per side; raw createHmac loop ${fmt(rawGuess)}/s on one core in this process; ${load()}`,
  );
  console.log(
    `  one guess, one core, best of 3 × 200,000: createHmac ${fmt(rawGuess)}/s, TypeScript ${fmt(scalarGuesses)}/s, SIMD lanes ${fmt(simdGuesses)}/s (${(simdGuesses / scalarGuesses).toFixed(2)}× TypeScript, ${(simdGuesses / rawGuess).toFixed(2)}× createHmac)`,
  );
  const [search, jwtToolRun] = alternate(jwtToolSide ? [searchSide, jwtToolSide] : [searchSide]);
  const searchRate = rate(wordCount, search.ms);
  searchRss = Math.max(...search.runs.map((run) => run.rss ?? 0));
  const busy = median(search.runs.map((run) => run.cpu / (run.ms / 1000) / cores));
  console.log(
    `  inspect --wordlist, whole process: ${(search.ms / 1000).toFixed(2)} s = ${fmt(searchRate)} guesses/s; peak RSS ${searchRss ? `${searchRss.toFixed(0)} MB (target ≤ 100)` : 'n/a'}; CPU ÷ (wall × cores) ${busy.toFixed(2)} (every core busy = 1.00)`,
  );
  if (jwtToolRun) {
    const pairs = search.runs.map((run, i) => jwtToolRun.runs[i].ms / run.ms);
    searchRatio = jwtToolRun.ms / search.ms;
    console.log(
      `  jwt_tool v2.2.7 -C -d, whole process: ${(jwtToolRun.ms / 1000).toFixed(2)} s = ${fmt(rate(wordCount, jwtToolRun.ms))} guesses/s, peak RSS ${Math.max(...jwtToolRun.runs.map((run) => run.rss ?? 0)).toFixed(0)} MB`,
    );
    console.log(
      `  inspect ÷ jwt_tool: ${searchRatio.toFixed(2)}× (pairs ${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}; target ≥ 3)`,
    );
  } else
    console.log(
      `  no jwt_tool: inspect ÷ (raw createHmac × ${cores} cores) = ${(searchRate / (rawGuess * cores)).toFixed(2)}× (the baseline the issue names when jwt_tool cannot run)`,
    );
}
console.log(`\nSummary (${load()}):`);
for (const { alg, ratio } of summary)
  console.log(
    `  inspect ÷ PyJWT ${alg}: ${ratio ? `${ratio.toFixed(2)}× — ${ratio >= 2 ? 'met' : 'not met'}` : 'not measured'}`,
  );
if (searchRatio !== undefined)
  console.log(
    `  secret search ÷ jwt_tool: ${searchRatio.toFixed(2)}× — ${searchRatio >= 3 ? 'met' : 'not met'}; peak RSS ${searchRss.toFixed(0)} MB — ${searchRss <= 100 ? 'met' : 'not met'}`,
  );
