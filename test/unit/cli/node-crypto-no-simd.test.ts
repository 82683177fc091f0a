// A host without WebAssembly SIMD (the module does not validate there): bulk HS256 falls back to one token at a time
// and gives the same verdicts. The modules are imported after WebAssembly.validate is made to refuse, so their
// one-per-thread compiled module is never built (vitest gives each test file its own module instances).
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

describe('bulk HS256 where WebAssembly SIMD is missing', () => {
  it('the lanes decline every token, and the pool verifies them one at a time with the same verdicts', async () => {
    const validate = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    const { createHmac256Batches } = await import('../../../cli/node-crypto-hmac256-batches');
    const { createCryptoPool } = await import('../../../cli/node-crypto-pool');
    const secret = randomBytes(32);
    const key = { id: 'k', kind: 'secret', secret: new Uint8Array(secret) } as const;
    const data = Buffer.from('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9');
    const mac = createHmac('sha256', secret).update(data).digest();
    expect(createHmac256Batches().verify('HS256', key, data, mac)).toBeUndefined();
    expect(validate).toHaveBeenCalled();
    const pool = createCryptoPool(1);
    try {
      const broken = Buffer.from(mac);
      broken[0]! ^= 1;
      const verdicts = await Promise.all(
        Array.from({ length: 9 }, (_, i) => pool.verify('HS256', key, data, i % 3 === 1 ? broken : mac)),
      );
      expect(verdicts).toEqual(Array.from({ length: 9 }, (_, i) => i % 3 !== 1));
    } finally {
      await pool.close();
      validate.mockRestore();
    }
  });
});
