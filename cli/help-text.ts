import { TOOL_VERSION } from '../core';
import type { Command } from './command';

/** `tokentrail --help`: every command's block from the table, then the built-in words. */
export function helpText(commands: readonly Command[]): string {
  return `tokentrail ${TOOL_VERSION} — offline forensics for JWT authentication incidents

Usage:
${commands.map((command) => command.help).join('\n')}
  tokentrail --help       this text (also: tokentrail help)
  tokentrail <command> --help
                          one command's text (also: tokentrail help <command>)
  tokentrail --version    the version

Nothing is ever sent over the network. Evidence files are only read, never changed.
Bundle format: docs/bundle-format.md`;
}
