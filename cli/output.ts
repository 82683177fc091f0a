/** Where the CLI writes; injected so tests capture output without touching process streams. */
export interface Output {
  stdout(line: string): void;
  stderr(line: string): void;
  /**
   * Data written to standard output byte for byte (an export piped or redirected to a file), resolving once the
   * stream can take more. Absent when standard output is a terminal: data then goes line by line through
   * `stdout`, terminal-safe (cli/terminal-text.ts), like any text from evidence.
   */
  readonly data?: (chunk: string) => Promise<void>;
}

/** Write to standard output, waiting for it to drain when its buffer is full (a slow pipe); rejects on a failed write. */
function writeData(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      process.stdout.off('drain', done);
      reject(error);
    };
    const done = () => {
      process.stdout.off('error', fail);
      resolve();
    };
    process.stdout.once('error', fail);
    if (process.stdout.write(chunk, (error) => error && fail(error))) done();
    else process.stdout.once('drain', done);
  });
}

export const processOutput: Output = {
  stdout: (line) => void process.stdout.write(`${line}\n`),
  stderr: (line) => void process.stderr.write(`${line}\n`),
  ...(process.stdout.isTTY ? {} : { data: writeData }),
};
