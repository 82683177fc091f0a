import { MAX_WORD_BYTES } from '../core/token';
import { LANES, hmac256Lanes } from './node-crypto-hmac256-x4';
import type { WireTarget } from './node-crypto-messages';
import { secretGuesser, type SecretGuesser } from './node-crypto-secret-guess';

/**
 * The candidates of a wordlist range on their way to the guessers. HS256 targets (nearly all) are tried four
 * candidates at a time in SIMD lanes (node-crypto-hmac256-x4.ts), so a candidate waits until its batch is full or
 * the range ends; HS384 and HS512 targets, and every target where WebAssembly SIMD is missing, are tried at once,
 * one candidate at a time. Either way a target is reported at the earliest line that matches it.
 */

/** A target found: its index, the number of '\n' before the candidate's line in the range, the candidate's bytes. */
export type OnSecret = (target: number, before: number, word: Uint8Array) => void;

export interface CandidateBatch {
  /** Try `bytes[start..end)` (at most MAX_WORD_BYTES long) against every target still `active`. */
  offer(bytes: Uint8Array, start: number, end: number, before: number): void;
  /** Try the candidates still waiting in a partial batch (at the end of the range). */
  flush(): void;
}

/** Batches for `targets`; `active[t]` is read before each try, so the caller stops a target by clearing it. */
export function candidateBatch(targets: readonly WireTarget[], active: Uint8Array, onSecret: OnSecret): CandidateBatch {
  const lanedIndexes = targets.flatMap((target, t) => (target.alg === 'HS256' ? [t] : []));
  const lanes = lanedIndexes.length > 0 ? hmac256Lanes(lanedIndexes.map((t) => targets[t]!)) : undefined;
  const laned = lanes ? lanedIndexes : [];
  const single: [number, SecretGuesser][] = targets.flatMap((target, t) =>
    lanes && target.alg === 'HS256' ? [] : [[t, secretGuesser(target)] as [number, SecretGuesser]],
  );
  const waitingWords = new Uint8Array(LANES * MAX_WORD_BYTES);
  const waitingLength = new Int32Array(LANES);
  const waitingBefore = new Float64Array(LANES);
  let waiting = 0;

  const run = (): void => {
    if (waiting === 0 || !lanes) return;
    lanes.prepareKeys();
    for (let i = 0; i < laned.length; i++) {
      const t = laned[i]!;
      if (!active[t]) continue;
      const found = lanes.matches(i, waiting);
      if (found === 0) continue;
      const lane = 31 - Math.clz32(found & -found); // the lowest lane holds the earliest line
      const at = lane * MAX_WORD_BYTES;
      onSecret(t, waitingBefore[lane]!, waitingWords.slice(at, at + waitingLength[lane]!));
    }
    waiting = 0;
  };

  return {
    offer(bytes, start, end, before) {
      for (const [t, guess] of single) {
        if (active[t] && guess(bytes, start, end)) onSecret(t, before, Uint8Array.from(bytes.subarray(start, end)));
      }
      if (!lanes) return;
      lanes.load(waiting, bytes, start, end);
      const at = waiting * MAX_WORD_BYTES;
      for (let i = start; i < end; i++) waitingWords[at + i - start] = bytes[i]!;
      waitingLength[waiting] = end - start;
      waitingBefore[waiting] = before;
      if (++waiting === LANES) run();
    },
    flush: run,
  };
}
