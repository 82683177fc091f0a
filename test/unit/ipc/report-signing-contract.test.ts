// The private signing key never crosses IPC: no channel's arguments or result can carry a private JWK member or key
// bytes, checked on the contract's types (a compile error in `npm run typecheck` if one is added) and at run time.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  IPC_CHANNELS,
  validateIpcArgs,
  type IpcArgs,
  type IpcResult,
  type ReportSigningKeyInfo,
  type TokentrailBridge,
} from '../../../ipc/ipc-contract';

/** Members of a private JWK (RFC 7518 §6.2.2, §6.3.2, RFC 8037): none may appear in a signing channel's types. */
type PrivateMember = 'd' | 'p' | 'q' | 'dp' | 'dq' | 'qi' | 'k' | 'pkcs8' | 'privateKey';
type CarriesPrivate<T> = T extends object ? (Extract<keyof T, PrivateMember> extends never ? false : true) : false;

describe('report-signing channels in the IPC contract', () => {
  it('their result types have no member for private key material', () => {
    expectTypeOf<CarriesPrivate<IpcResult<'report:signing-key'>>>().toEqualTypeOf<false>();
    expectTypeOf<CarriesPrivate<ReportSigningKeyInfo['publicJwk']>>().toEqualTypeOf<false>();
    expectTypeOf<IpcResult<'report:sign'>>().toEqualTypeOf<string>();
    expectTypeOf<IpcArgs<'report:signing-key'>>().toEqualTypeOf<[]>();
    expectTypeOf<IpcArgs<'report:sign'>>().toEqualTypeOf<[manifest: Uint8Array, signer: string, signedAt: number]>();
    expectTypeOf<CarriesPrivate<NonNullable<IpcResult<'report:import-organisation-key'>>>>().toEqualTypeOf<false>();
    expectTypeOf<CarriesPrivate<IpcResult<'report:forget-organisation-key'>>>().toEqualTypeOf<false>();
  });

  it('no channel exports a key, and importing one carries no key material either way', () => {
    expect(IPC_CHANNELS.filter((channel) => /private|export-key|key:export/i.test(channel))).toEqual([]);
    expectTypeOf<keyof TokentrailBridge>().not.toEqualTypeOf<'exportSigningKey'>();
    // Main opens the organisation's key and chain files itself: the renderer sends no argument and gets the public
    // half back, so the private key goes from disk into main and nowhere else.
    expectTypeOf<IpcArgs<'report:import-organisation-key'>>().toEqualTypeOf<[]>();
    expectTypeOf<IpcArgs<'report:forget-organisation-key'>>().toEqualTypeOf<[]>();
    expect(() => validateIpcArgs['report:import-organisation-key'](['-----BEGIN PRIVATE KEY-----\nMC4CAQAw…'])).toThrow(
      /expected 0 argument/,
    );
    expect(validateIpcArgs['report:import-organisation-key']([])).toEqual([]);
  });

  it('validates the arguments of report:sign', () => {
    const manifest = new Uint8Array([123, 125]);
    expect(validateIpcArgs['report:sign']([manifest, 'Casey', 0])).toEqual([manifest, 'Casey', 0]);
    expect(() => validateIpcArgs['report:sign']([new Uint8Array(64 * 1024 + 1), 'Casey', 0])).toThrow(/manifest/);
    expect(() => validateIpcArgs['report:sign']([manifest, ' ', 0])).toThrow(/signer/);
    expect(() => validateIpcArgs['report:sign']([manifest, 'x'.repeat(201), 0])).toThrow(/signer/);
    expect(() => validateIpcArgs['report:sign']([manifest, 'Casey', 1.5])).toThrow(/signedAt/);
    expect(() => validateIpcArgs['report:signing-key'](['pkcs8'])).toThrow(/expected 0 argument/);
  });
});
