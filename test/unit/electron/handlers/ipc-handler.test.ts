import { describe, expect, it } from 'vitest';
import { IpcRequestError } from '../../../../ipc/ipc-contract';
import { assertTrustedSender, defineIpcHandler } from '../../../../electron/handlers/ipc-handler';
import { APP_SENDER } from '../temp-dir';

describe('assertTrustedSender', () => {
  it('accepts app pages', () => {
    expect(() => assertTrustedSender('app:info', APP_SENDER)).not.toThrow();
    expect(() => assertTrustedSender('app:info', { url: 'tokentrail://app/#/case/1' })).not.toThrow();
  });

  it.each([
    ['https://evil.example/', 'refused a message from https://evil.example/'],
    ['file:///tmp/x.html', 'refused a message from file:///tmp/x.html'],
    ['tokentrail://other/', 'refused a message from tokentrail://other/'],
    [undefined, 'refused a message from a detached frame'],
  ])('refuses %s', (url, message) => {
    expect(() => assertTrustedSender('file:read', { url })).toThrow(message);
    try {
      assertTrustedSender('file:read', { url });
    } catch (error) {
      expect((error as IpcRequestError).code).toBe('untrusted-sender');
    }
  });
});

describe('defineIpcHandler', () => {
  it('checks the sender before the arguments and never runs the implementation for a stranger', async () => {
    const calls: unknown[] = [];
    const handler = defineIpcHandler('bundle:pick', async (kind) => {
      calls.push(kind);
      return null;
    });
    await expect(handler({ url: 'https://evil.example/' }, 'not-a-kind')).rejects.toThrow('[untrusted-sender]');
    await expect(handler(APP_SENDER, 'not-a-kind')).rejects.toThrow('[invalid-argument]');
    expect(calls).toEqual([]);
    await expect(handler(APP_SENDER, 'zip')).resolves.toBeNull();
    expect(calls).toEqual(['zip']);
  });
});
