import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { candidateBatch } from '../../../cli/node-crypto-candidate-batch';
import { LANES, hmac256LaneVerifier, hmac256Lanes } from '../../../cli/node-crypto-hmac256-x4';
import type { WireTarget } from '../../../cli/node-crypto-messages';

const target = (secret: Uint8Array, input: Uint8Array, alg: WireTarget['alg'] = 'HS256'): WireTarget => ({
  alg,
  input,
  signature: createHmac({ HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg], secret).update(input).digest(),
});

describe('HMAC-SHA256 guessing four candidates at a time', () => {
  it('finds each target’s secret in the right lane, whatever the key and message lengths', () => {
    for (let n = 0; n < 60; n++) {
      const secrets = [0, 1, 2].map((k) => randomBytes((n * 7 + k * 31) % 150)); // over 64 bytes: hashed first
      const inputs = secrets.map((_, k) => randomBytes([0, 1, 55, 56, 63, 64, 119, 120, 300, 2000][(n + k) % 10]!));
      const targets = secrets.map((secret, k) => target(secret, inputs[k]!));
      const lanes = hmac256Lanes(targets)!;
      // Lane j holds secret j (lane 3 a decoy), each inside a larger buffer as a wordlist line is.
      const line = Buffer.concat([Buffer.from('x\n'), ...secrets.map((s) => Buffer.concat([s, Buffer.from('\n')]))]);
      let at = 2;
      secrets.forEach((secret, lane) => {
        lanes.load(lane, line, at, at + secret.length);
        at += secret.length + 1;
      });
      lanes.load(3, line, 0, 1);
      lanes.prepareKeys();
      for (let k = 0; k < 3; k++) {
        const expected = 1 << k;
        const found = lanes.matches(k, LANES);
        // A secret ending in zero bytes equals its shorter prefix under HMAC's zero padding: allow such twins.
        expect(found & expected, `n ${n} target ${k}`).toBe(expected);
      }
      expect(lanes.matches(0, 0)).toBe(0); // no lane counted, no match reported
    }
  });

  it('never matches a signature that is not 32 bytes', () => {
    const input = Buffer.from('eyJhbGciOiJIUzI1NiJ9.e30');
    const good = target(Buffer.from('secret'), input);
    const lanes = hmac256Lanes([{ ...good, signature: good.signature.subarray(0, 31) }, good])!;
    lanes.load(0, Buffer.from('secret'), 0, 6);
    lanes.prepareKeys();
    expect(lanes.matches(0, 1)).toBe(0);
    expect(lanes.matches(1, 1)).toBe(1);
  });
});

describe('HS256 verification four tokens at a time under known keys', () => {
  it('gives createHmac’s verdict in every lane, whatever the message lengths in one batch and the key', () => {
    const verifier = hmac256LaneVerifier()!;
    const secrets = [randomBytes(32), randomBytes(0), randomBytes(100)]; // over 64 bytes: hashed first
    const handles = secrets.map((secret) => verifier.addKey(secret));
    const empty = Buffer.alloc(0);
    const lengths = [0, 1, 54, 55, 56, 63, 64, 119, 120, 183, 200, 1000, 4087];
    for (let n = 0; n < 200; n++) {
      const key = n % secrets.length;
      const count = 1 + (n % LANES);
      const pairs = Array.from({ length: count }, (_, lane) => {
        const data = randomBytes(lengths[(n * 3 + lane * 5) % lengths.length]!);
        const signature = createHmac('sha256', secrets[key]!).update(data).digest();
        if ((n + lane) % 3 === 0) signature[(n + lane) % 32]! ^= 1 << lane; // a broken signature, one bit off
        return { data, signature };
      });
      const expected = pairs.reduce(
        (mask, { data, signature }, lane) =>
          createHmac('sha256', secrets[key]!).update(data).digest().equals(signature) ? mask | (1 << lane) : mask,
        0,
      );
      expect(
        verifier.matches(
          handles[key]!,
          [...pairs.map((pair) => pair.data), empty], // a valid pair past `count`, never counted
          [...pairs.map((pair) => pair.signature), createHmac('sha256', secrets[key]!).update(empty).digest()],
          count,
        ),
        `n ${n}`,
      ).toBe(expected);
      expect(expected & 1, 'the first lane of every third batch is broken').toBe(n % 3 === 0 ? 0 : 1);
    }
  });

  it('takes signing inputs up to 4 KiB', () => {
    const verifier = hmac256LaneVerifier()!;
    expect(verifier.fits(4096 - 9)).toBe(true);
    expect(verifier.fits(4096 - 8)).toBe(false);
  });
});

describe('a wordlist range’s candidates in batches', () => {
  const words = ['a', 'b', 'hunter2', 'c', 'd', 'e', 'hunter2', 'letmein', 'f'];
  const buffer = Buffer.from(words.join('\n'));
  const offerAll = (targets: WireTarget[], active: Uint8Array): [number, number, string][] => {
    const found: [number, number, string][] = [];
    const batch = candidateBatch(targets, active, (t, before, word) => {
      found.push([t, before, Buffer.from(word).toString()]);
      active[t] = 0;
    });
    let at = 0;
    words.forEach((word, line) => {
      batch.offer(buffer, at, at + word.length, line);
      at += word.length + 1;
    });
    batch.flush();
    return found;
  };

  it('reports each target once, at its earliest line, HS256 in lanes and HS384 one by one', () => {
    const input = Buffer.from('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9');
    const targets = [
      target(Buffer.from('hunter2'), input),
      target(Buffer.from('letmein'), input, 'HS384'),
      target(Buffer.from('f'), input), // in the last, partial batch: found by the flush
      target(Buffer.from('not there'), input),
    ];
    const found = offerAll(targets, new Uint8Array(targets.length).fill(1));
    expect(found.sort((x, y) => x[0] - y[0])).toEqual([
      [0, 2, 'hunter2'],
      [1, 7, 'letmein'],
      [2, 8, 'f'],
    ]);
  });

  it('does not try a target the caller has stopped', () => {
    const input = Buffer.from('eyJhbGciOiJIUzI1NiJ9.e30');
    expect(offerAll([target(Buffer.from('hunter2'), input)], new Uint8Array([0]))).toEqual([]);
  });
});
