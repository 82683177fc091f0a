import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CLI_ERROR_CODES, CliError, type CliErrorCode } from '../../../cli/cli-error';
import {
  commandOptions,
  parseCommandLine,
  SHARED_OPTIONS,
  type Command,
  type SharedOption,
} from '../../../cli/command';
import { COMMANDS, findCommand, run } from '../../../cli/run';

const cli = async (...argv: string[]) => {
  const lines = { stdout: [] as string[], stderr: [] as string[] };
  const code = await run(
    argv,
    { stdout: (line) => void lines.stdout.push(line), stderr: (line) => void lines.stderr.push(line) },
    Readable.from([]),
  );
  return { code, stdout: lines.stdout.join('\n'), stderr: lines.stderr.join('\n') };
};

/** The CliError a command refuses `argv` with (parsing and its own checks), or undefined if it accepted it. */
async function refusal(command: Command, argv: string[]): Promise<CliError | undefined> {
  try {
    await command.run(parseCommandLine(command, argv), {
      stdout: () => undefined,
      stderr: () => undefined,
      stdin: Readable.from([]),
    });
    return undefined;
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
}

const command = (name: string): Command => findCommand(name.split(' '))!;

describe('the command table', () => {
  it('has one entry per name, each with a help block that shows how to type it and names every option it takes', () => {
    expect(new Set(COMMANDS.map((entry) => entry.name)).size).toBe(COMMANDS.length);
    for (const entry of COMMANDS) {
      expect(entry.help.startsWith(`  tokentrail ${entry.name} `), entry.name).toBe(true);
      for (const option of Object.keys(commandOptions(entry)))
        expect(entry.help, `${entry.name} --${option}`).toContain(`--${option}`);
    }
  });

  it("prints the whole help from the table, and each command's own with --help or after help", async () => {
    for (const argv of [[], ['--help'], ['help']]) {
      const whole = await cli(...argv);
      expect(whole.code).toBe(0);
      for (const entry of COMMANDS) expect(whole.stdout).toContain(entry.help);
    }
    for (const entry of COMMANDS) {
      const words = entry.name.split(' ');
      // --help wins over anything else on the line, even arguments the command would refuse.
      expect(await cli(...words, '--nope', '--help')).toEqual({ code: 0, stdout: entry.help, stderr: '' });
      expect(await cli('help', ...words)).toEqual({ code: 0, stdout: entry.help, stderr: '' });
    }
  });

  it('refuses an unknown command, an unknown leading option and help for an unknown command with exit 2', async () => {
    expect(await cli('frobnicate', 'x')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tokentrail: unknown command "frobnicate x". Run "tokentrail --help" for usage.',
    });
    expect(await cli('bundle', 'frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "bundle frobnicate"'),
    });
    expect(await cli('--frobnicate')).toMatchObject({
      code: 2,
      stderr: 'tokentrail: unknown option --frobnicate. Run "tokentrail --help" for usage.',
    });
    expect(await cli('help', 'frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "frobnicate"'),
    });
    expect(findCommand(['bundle'])).toBeUndefined();
  });

  it('names the command and its help in a usage error, and leaves the help out when the input is the problem', async () => {
    expect(await cli('analyze', 'x', '--nope')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tokentrail analyze: unknown option --nope. Run "tokentrail analyze --help" for usage.',
    });
    expect(await cli('inspect', '/no/such/tokens.txt')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tokentrail inspect: cannot read /no/such/tokens.txt: no such file',
    });
  });
});

describe('shared options', () => {
  const takers = (option: SharedOption) => COMMANDS.filter((entry) => entry.shared.includes(option));

  it('are taken by the commands that name them, and refused as unknown by the others', async () => {
    expect(takers('json').map((entry) => entry.name)).toEqual([
      'bundle verify',
      'inspect',
      'ingest',
      'analyze',
      'report verify',
      'case export',
      'case import',
      'case verify',
      'sample list',
      'exercise score',
    ]);
    expect(takers('geo-db').map((entry) => entry.name)).toEqual([
      'ingest',
      'analyze',
      'report create',
      'case export',
      'export',
    ]);
    expect(takers('no-geo').map((entry) => entry.name)).toEqual([
      'ingest',
      'analyze',
      'report create',
      'case export',
      'export',
    ]);
    for (const option of Object.keys(SHARED_OPTIONS) as SharedOption[]) {
      for (const entry of COMMANDS.filter((candidate) => !candidate.shared.includes(option))) {
        expect(() => parseCommandLine(entry, ['input', `--${option}`, 'value']), `${entry.name} --${option}`).toThrow(
          expect.objectContaining({ code: 'unknown-option', message: `unknown option --${option}` }),
        );
      }
    }
  });

  it('mean the same for every command that takes them', async () => {
    for (const entry of takers('json')) {
      expect(parseCommandLine(entry, ['input']).shared.json, entry.name).toBe(false);
      expect(parseCommandLine(entry, ['input', '--json']).shared.json, entry.name).toBe(true);
      expect(() => parseCommandLine(entry, ['input', '--json=yes'])).toThrow(
        expect.objectContaining({ code: 'invalid-value', message: '--json takes no value' }),
      );
    }
    for (const entry of takers('geo-db')) {
      expect(parseCommandLine(entry, ['input']).shared, entry.name).toEqual({
        json: false,
        geo: true,
        geoDatabases: [],
      });
      expect(
        parseCommandLine(entry, ['input', '--geo-db', 'a.mmdb', '--no-geo', '--geo-db=b.mmdb']).shared,
        entry.name,
      ).toEqual({ json: false, geo: false, geoDatabases: ['a.mmdb', 'b.mmdb'] });
      expect(await cli(...entry.name.split(' '), 'input', '--geo-db')).toEqual({
        code: 2,
        stdout: '',
        stderr: `tokentrail ${entry.name}: --geo-db needs an .mmdb file. Run "tokentrail ${entry.name} --help" for usage.`,
      });
      expect(await cli(...entry.name.split(' '), 'input', '--geo-db', '--no-geo')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('--geo-db needs an .mmdb file'),
      });
    }
  });
});

describe('command-line errors', () => {
  it('carry a code from CLI_ERROR_CODES, and every code in the list is one a command line can produce', async () => {
    const examples: [string, string[], CliErrorCode][] = [
      ['inspect', ['t', '--nope'], 'unknown-option'],
      ['inspect', ['t', '--keys'], 'missing-value'],
      ['inspect', ['t', '--workers', 'many'], 'invalid-value'],
      ['inspect', ['t', '--wordlist', 'a', '--wordlist', 'b'], 'repeated-option'],
      ['inspect', ['t', 'u'], 'wrong-input-count'],
      ['inspect', ['/no/such/tokens.txt'], 'unreadable-input'],
      ['analyze', ['x', '--fail-on', 'severe'], 'invalid-value'],
      ['analyze', [], 'wrong-input-count'],
      ['ingest', ['x', '--format', 'nope'], 'invalid-value'],
      ['ingest', ['x', '--csv-mapping', '/no/such/mapping.json'], 'unreadable-input'],
      ['bundle verify', ['x', '--max-uncompressed', '0'], 'invalid-value'],
      ['bundle verify', ['x', 'y'], 'wrong-input-count'],
    ];
    const seen = new Set<string>(['unknown-command']); // the table's own, checked above
    for (const [name, argv, code] of examples) {
      const error = await refusal(command(name), argv);
      expect(error?.code, `${name} ${argv.join(' ')}`).toBe(code);
      expect(CLI_ERROR_CODES).toContain(error!.code);
      seen.add(error!.code);
    }
    expect([...seen].sort()).toEqual([...CLI_ERROR_CODES].sort());
  });

  it('keep an argument that starts with a single dash an input: standard input, or a token whose base64url starts with "-"', () => {
    expect(parseCommandLine(command('inspect'), ['-', '--json']).positionals).toEqual(['-']);
    expect(parseCommandLine(command('inspect'), ['-abc.def.ghi', '--keys', 'k']).positionals).toEqual(['-abc.def.ghi']);
    expect(parseCommandLine(command('inspect'), ['--keys', 'k', '--', '--odd']).positionals).toEqual(['--odd']);
  });
});
