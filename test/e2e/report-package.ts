// A signed report package of the sample case, made by the CLI with a fresh Ed25519 key, for the report specs.
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../../cli/run';
import { SAMPLE_BUNDLE } from './app-actions';
import { expect } from './fixtures';

/** Make the package in `folder`; returns the signer's key thumbprint as the CLI printed it. */
export async function makeSamplePackage(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const keyFile = path.join(folder, '..', `${path.basename(folder)}-examiner.pem`);
  await writeFile(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const lines: string[] = [];
  const argv = ['report', 'create', SAMPLE_BUNDLE, '--key', keyFile, '--out', folder, '--no-geo'];
  const code = await run([...argv, '--examiner', 'Casey Examiner', '--generated-at', '2026-12-01T10:00:00Z'], {
    stdout: (line) => void lines.push(line),
    stderr: (line) => void lines.push(line),
  });
  expect(code, lines.join('\n')).toBe(0);
  return /key thumbprint \(kid\) (\S+)/.exec(lines.join('\n'))![1]!;
}

/** The four files of a package, as a reviewer would pick them. */
export const packageFiles = (folder: string): string[] =>
  ['manifest.json', 'manifest.jws', 'report.html', 'report.json'].map((name) => path.join(folder, name));
