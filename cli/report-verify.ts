import { lstat } from 'node:fs/promises';
import { checkBundle, DEFAULT_ZIP_LIMITS, EvidenceError, readSequential, readZip } from '../core';
import { packageFileMap, verifyReportPackage, type EvidenceFileHash, type ReportVerification } from '../core/report';
import type { PublicJwk } from '../core/token';
import { CliError } from './cli-error';
import type { Command } from './command';
import { bundleInputFromPath, folderFiles, randomAccessFile } from './node-inputs';
import type { Output } from './output';
import { loadPublicJwk } from './report-key';
import { terminalSafeOutput } from './terminal-text';

/** Exit codes of `tokentrail report verify` (docs/report-verification.md). */
export const REPORT_VERIFY_EXIT = { verified: 0, notVerified: 1, unreadable: 2 } as const;

const OPTIONS = {
  pubkey: { type: 'string', needs: "the signer's public JWK file, obtained out of band" },
  evidence: { type: 'string', needs: 'the evidence bundle (.zip or folder) the report is about' },
} as const;

/** Every file of a report package, a folder or a zip of one, by its path inside the package. */
async function readPackage(target: string): Promise<Map<string, Uint8Array>> {
  if (!(await lstat(target)).isDirectory()) {
    const zip = await randomAccessFile(target);
    try {
      return packageFileMap(await readZip(zip, DEFAULT_ZIP_LIMITS));
    } finally {
      await zip.close();
    }
  }
  const files = [];
  for (const file of await folderFiles(target, 1000)) files.push(await readSequential(file, {}, () => {}));
  return packageFileMap(files);
}

/** The evidence files of a bundle as the reviewer has it: path, size and SHA-256 of each file present. */
async function evidenceHashes(bundle: string): Promise<EvidenceFileHash[]> {
  const opened = await bundleInputFromPath(bundle);
  try {
    const { files } = await checkBundle(opened.input);
    return files.flatMap((file) => (file.actual ? [{ path: file.path, ...file.actual }] : []));
  } finally {
    await opened.close();
  }
}

const LABEL = { pass: 'PASS', fail: 'FAIL', skipped: 'SKIP' } as const;

function printHuman(verification: ReportVerification, out: Output): void {
  if (verification.signer)
    out.stdout(
      `Signed by "${verification.signer.name}" at ${verification.signer.signedAt} with ${verification.signer.alg} key ${verification.signer.kid}`,
    );
  for (const check of verification.checks)
    out.stdout(
      `  ${LABEL[check.status]}  ${check.id.padEnd(14)} ${check.file ? `${check.file}: ` : ''}${check.message}`,
    );
  const failed = verification.checks.filter((check) => check.status === 'fail').length;
  out.stdout(verification.verified ? 'Verdict: VERIFIED' : `Verdict: NOT VERIFIED (${failed} check(s) failed)`);
}

/** `tokentrail report verify <DIR|zip> [--pubkey JWK] [--evidence BUNDLE] [--json]`. */
export const reportVerifyCommand: Command<typeof OPTIONS> = {
  name: 'report verify',
  help: `  tokentrail report verify <DIR | package.zip> [--pubkey JWK] [--evidence BUNDLE] [--json]
      Verify a signed report package (docs/report-verification.md): the signature over manifest.json,
      the signer's key against --pubkey when given, every file against the manifest (and no file more),
      and with --evidence every evidence file the report lists against the bundle. Each check is printed
      with its result; a failure names the file and what differs. Exit 0 verified, 1 not verified,
      2 when the package, key or bundle cannot be read.`,
  options: OPTIONS,
  shared: ['json'],
  async run({ values, positionals, shared }, output) {
    if (positionals.length !== 1)
      throw new CliError('wrong-input-count', 'takes exactly one report package (a folder or a .zip)');
    const pinnedKey: PublicJwk | undefined =
      values.pubkey === undefined ? undefined : await loadPublicJwk(values.pubkey);
    const out = terminalSafeOutput(output);
    let verification: ReportVerification;
    try {
      const files = await readPackage(positionals[0]!);
      const evidence = values.evidence === undefined ? undefined : await evidenceHashes(values.evidence);
      verification = await verifyReportPackage(files, { pinnedKey, evidence });
    } catch (error) {
      const message =
        error instanceof EvidenceError
          ? error.message
          : `${positionals[0]}: cannot be read (${(error as Error).message})`;
      out.stderr(`tokentrail: ${message}`);
      return REPORT_VERIFY_EXIT.unreadable;
    }
    if (shared.json) out.stdout(JSON.stringify(verification));
    else printHuman(verification, out);
    if (verification.checks.some((check) => check.id === 'package')) return REPORT_VERIFY_EXIT.unreadable;
    return verification.verified ? REPORT_VERIFY_EXIT.verified : REPORT_VERIFY_EXIT.notVerified;
  },
};
