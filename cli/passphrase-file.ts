import { readFileSync } from 'node:fs';
import { CliError } from './cli-error';

/**
 * The instructor's passphrase from a file (its first line, without the line break). Never an option's value: a
 * command line is visible to every user of the machine (`ps`) and kept in shell histories.
 */
export function readPassphraseFile(file: string | undefined): string {
  if (file === undefined)
    throw new CliError('missing-value', "--passphrase-file needs a file holding the instructor's passphrase");
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError('unreadable-input', `passphrase file ${file} cannot be read (${(error as Error).message})`);
  }
  const passphrase = text.split(/\r?\n/, 1)[0] ?? '';
  if (passphrase === '') throw new CliError('invalid-value', `passphrase file ${file} has an empty first line`);
  return passphrase;
}
