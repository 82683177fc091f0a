import { describe, expect, it } from 'vitest';
import {
  IPC_CHANNELS,
  IpcRequestError,
  ipcErrorCode,
  isMenuCommand,
  MAX_EXPORT_BYTES,
  MAX_READ_LENGTH,
  validateIpcArgs,
} from '../../../ipc/ipc-contract';

function rejection(run: () => unknown): IpcRequestError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IpcRequestError);
    return error as IpcRequestError;
  }
  throw new Error('expected the validator to throw');
}

describe('validateIpcArgs', () => {
  it('has a validator for every channel', () => {
    expect(Object.keys(validateIpcArgs).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('accepts the three pick kinds and nothing else', () => {
    for (const kind of ['files', 'folder', 'zip']) expect(validateIpcArgs['bundle:pick']([kind])).toEqual([kind]);
    for (const bad of ['FILES', 'dir', '', null, 1, { kind: 'zip' }]) {
      const error = rejection(() => validateIpcArgs['bundle:pick']([bad]));
      expect(error.code).toBe('invalid-argument');
      expect(error.message).toContain("kind must be 'files', 'folder' or 'zip'");
    }
  });

  it('checks the argument count exactly', () => {
    expect(rejection(() => validateIpcArgs['bundle:pick']([])).message).toContain('expected 1 argument(s), got 0');
    expect(rejection(() => validateIpcArgs['bundle:pick'](['zip', 'extra'])).message).toContain('got 2');
    expect(rejection(() => validateIpcArgs['app:info'](['x'])).message).toContain('app:info: expected 0');
    expect(validateIpcArgs['app:info']([])).toEqual([]);
    // The shipped-database listing takes nothing from the renderer: no name, no path.
    expect(validateIpcArgs['geo:shipped']([])).toEqual([]);
    expect(rejection(() => validateIpcArgs['geo:shipped'](['/etc/passwd'])).message).toContain(
      'geo:shipped: expected 0',
    );
  });

  it('accepts reads at any safe offset up to 16 MiB long', () => {
    expect(validateIpcArgs['file:read'](['id', 0, 0])).toEqual(['id', 0, 0]);
    expect(validateIpcArgs['file:read'](['id', Number.MAX_SAFE_INTEGER, MAX_READ_LENGTH])).toEqual([
      'id',
      Number.MAX_SAFE_INTEGER,
      MAX_READ_LENGTH,
    ]);
  });

  it.each([
    [['', 0, 1], 'id must be a non-empty string'],
    [['x'.repeat(129), 0, 1], 'id must be a non-empty string'],
    [[42, 0, 1], 'id must be a non-empty string'],
    [['id', -1, 1], 'offset must be a non-negative safe integer, got number -1'],
    [['id', 1.5, 1], 'offset must be a non-negative safe integer'],
    [['id', Number.MAX_SAFE_INTEGER + 1, 1], 'offset must be a non-negative safe integer'],
    [['id', '0', 1], 'offset must be a non-negative safe integer, got string "0"'],
    [['id', 0, Number.NaN], 'length must be a non-negative safe integer'],
    [['id', 0, Number.POSITIVE_INFINITY], 'length must be a non-negative safe integer'],
    [['id', 0, MAX_READ_LENGTH + 1], `length must be at most ${MAX_READ_LENGTH}`],
  ])('rejects file:read %j', (args, message) => {
    const error = rejection(() => validateIpcArgs['file:read'](args));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toContain(message);
  });

  it('accepts a plain export file name with bytes', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(validateIpcArgs['export:save'](['case report.html', bytes])).toEqual(['case report.html', bytes]);
  });

  it.each([
    '',
    '.',
    '..',
    '../escape.html',
    'dir/report.html',
    'dir\\report.html',
    'a\u0000b',
    'line\nbreak',
    'x'.repeat(256),
  ])('rejects the export file name %j', (name) => {
    expect(rejection(() => validateIpcArgs['export:save']([name, new Uint8Array(1)])).message).toContain(
      'suggestedName must be a plain file name',
    );
  });

  it('rejects export bytes that are not a Uint8Array or are too large', () => {
    expect(rejection(() => validateIpcArgs['export:save'](['r.json', [1, 2]])).message).toContain(
      'bytes must be a Uint8Array',
    );
    expect(rejection(() => validateIpcArgs['export:save'](['r.json', new ArrayBuffer(4)])).message).toContain(
      'bytes must be a Uint8Array',
    );
    // A view reporting a huge length is enough to exercise the limit without allocating 512 MiB.
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: MAX_EXPORT_BYTES + 1 });
    expect(rejection(() => validateIpcArgs['export:save'](['r.json', huge])).message).toContain(
      `bytes must be at most ${MAX_EXPORT_BYTES} bytes`,
    );
  });
});

describe('ipcErrorCode', () => {
  it('recovers the code from the message Electron forwards', () => {
    const original = new IpcRequestError('unknown-file', 'file:read: no picked file has id "x"');
    const forwarded = new Error(`Error invoking remote method 'file:read': Error: ${original.message}`);
    expect(ipcErrorCode(original)).toBe('unknown-file');
    expect(ipcErrorCode(forwarded)).toBe('unknown-file');
  });

  it('returns undefined for errors without a known code', () => {
    expect(ipcErrorCode(new Error('EACCES: permission denied'))).toBeUndefined();
    expect(ipcErrorCode(new Error('[not-a-code] x'))).toBeUndefined();
    expect(ipcErrorCode('plain string')).toBeUndefined();
  });
});

describe('isMenuCommand', () => {
  it('accepts only known commands', () => {
    expect(isMenuCommand('open-bundle')).toBe(true);
    expect(isMenuCommand('quit')).toBe(false);
    expect(isMenuCommand(undefined)).toBe(false);
  });
});
