// Hashed-token linking benchmark: resolve logged digests (whole, prefixes, hex and base64url, misses) to tokens.
// Run: npm run bench -- hashed-token-linking [tokens] [values]   (default 100000 1000000)
// Baseline measured in the same run: a Map from every full digest string (both forms, both encodings) to its token,
// queried with the same values — exact matching only, the least any linking must do; the ratio shows what prefix
// matching (sort once, binary search per value) costs on top.
import { createHash } from 'node:crypto';
import { HashedTokenIndex } from '../../core/timeline/hashed-tokens/hash-index';
import { hexToBase64Url } from '../../core/timeline/hashed-tokens/token-digests';
import { seededRandom } from '../support/seeded-random';

const tokenCount = Number(process.argv[2] ?? 100_000);
const valueCount = Number(process.argv[3] ?? 1_000_000);
const next = seededRandom(tokenCount);
const hex = (seed: string) => createHash('sha256').update(seed).digest('hex');

const tokens = Array.from({ length: tokenCount }, (_, i) => ({ hash: hex(`token ${i}`), signature: hex(`sig ${i}`) }));
const values: string[] = [];
for (let i = 0; i < valueCount; i++) {
  const token = tokens[Math.floor(next() * tokenCount)]!;
  const digest = next() < 0.5 ? token.hash : token.signature;
  const pick = i % 5;
  values.push(
    pick === 0
      ? digest
      : pick === 1
        ? digest.slice(0, 16)
        : pick === 2
          ? hexToBase64Url(digest)
          : pick === 3
            ? hexToBase64Url(digest).slice(0, 12)
            : hex(`miss ${i}`),
  );
}

function timed<T>(run: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = run();
  return { ms: performance.now() - started, result };
}

const built = timed(() => {
  const index = new HashedTokenIndex(new Set(['token', 'signature']));
  for (const token of tokens) index.add(token.hash, token.signature);
  index.lookup('0'.repeat(16)); // the first lookup sorts
  return index;
});
const index = built.result;
const linked = timed(() => {
  let found = 0;
  for (const value of values) if (index.lookup(value) !== undefined) found++;
  return found;
});

const map = new Map<string, string>();
for (const token of tokens)
  for (const digest of [token.hash, token.signature]) {
    map.set(digest, token.hash);
    map.set(hexToBase64Url(digest), token.hash);
  }
const baseline = timed(() => {
  let found = 0;
  for (const value of values) if (map.has(value)) found++;
  return found;
});

console.log(`hashed-token linking: ${tokenCount} tokens, ${valueCount} logged values (1 in 5 a miss)`);
console.log(`  index build (sort included): ${built.ms.toFixed(0)} ms for ${tokenCount} tokens`);
console.log(
  `  index lookups (prefixes too): ${linked.ms.toFixed(0)} ms, ${((linked.ms * 1e6) / valueCount).toFixed(0)} ns/value, ${linked.result} linked`,
);
console.log(
  `  baseline Map lookups (exact only): ${baseline.ms.toFixed(0)} ms, ${((baseline.ms * 1e6) / valueCount).toFixed(0)} ns/value, ${baseline.result} linked`,
);
console.log(`  ratio index / baseline: ${(linked.ms / baseline.ms).toFixed(2)}`);
