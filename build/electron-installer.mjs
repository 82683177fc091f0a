// Runs the `electron` package's own installer (its `install-electron` command) as a child process and reports its
// progress. We never download anything ourselves: the installer honours the Electron cache and mirror settings and
// checks the zip against the checksums shipped in the package, and a copy of it would drift from the real one.
//
// Progress: the installer's own bar appears only after 30 s and only on a terminal, so we measure instead what it
// writes: its download lands in a temporary folder we give it (TMPDIR), then it is unpacked into the package's dist/.
// The same measurement detects a stall (no byte for `stallMilliseconds`) so a blocked network never hangs a caller.
// Its stderr is kept in a log file: on failure we quote its first line, never its stack trace.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MEGABYTE = 1024 * 1024;

/** Total size in bytes of the files below `folder` (0 when it does not exist or vanishes while being read). */
export function folderBytes(folder) {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) total += folderBytes(entryPath);
    else {
      try {
        total += statSync(entryPath).size;
      } catch {
        // A file the installer just moved or removed: it is counted where it lands.
      }
    }
  }
  return total;
}

/**
 * The first meaningful line of the installer's stderr: its error, without the stack trace under it. Node's bare
 * "fetch failed" (DNS, refused connection, no route) is said in words a person can act on.
 */
export function installerFailureCause(stderrText, exitCode) {
  const lines = stderrText.split(/\r?\n|\r/).map((line) => line.trim());
  const errorLine = lines.find((line) => line && !line.startsWith('at ') && !/^Downloading .*\[/.test(line));
  if (!errorLine) return `the installer exited with code ${exitCode} and printed nothing`;
  if (/^TypeError: fetch failed$/.test(errorLine))
    return 'the download server could not be reached (fetch failed: no network?)';
  return errorLine;
}

/**
 * Writes progress to a stream: one updating line on a terminal, otherwise a line per 10 MB so logs stay short.
 * The download is counted in the temporary folder, then the unpacking in dist/ (the zip leaves for the cache between).
 * @param {NodeJS.WritableStream & { isTTY?: boolean }} stream
 */
export function progressPrinter(stream, fileName) {
  let lastLogged = { stage: '', megabytes: -10 };
  let printedOnTerminal = false;
  return {
    update({ downloadedBytes, unpackedBytes }) {
      const stage = unpackedBytes > 0 ? 'unpacked' : 'received';
      const megabytes = (unpackedBytes > 0 ? unpackedBytes : downloadedBytes) / MEGABYTE;
      const text = `  ${fileName}: ${megabytes.toFixed(1)} MB ${stage}`;
      if (stream.isTTY) {
        stream.write(`\r${text}   `);
        printedOnTerminal = true;
      } else if (stage !== lastLogged.stage || megabytes >= lastLogged.megabytes + 10) {
        lastLogged = { stage, megabytes: Math.floor(megabytes / 10) * 10 };
        stream.write(`${text}\n`);
      }
    },
    finish() {
      if (printedOnTerminal) stream.write('\n');
    },
  };
}

/**
 * Runs the installer once.
 * @param {{ installerPath: string, distDirectory: string, env?: NodeJS.ProcessEnv, onProgress?: (bytes: number) => void,
 *   stallMilliseconds?: number, pollMilliseconds?: number, logPath?: string }} options
 * @returns {Promise<{ ok: true } | { ok: false, cause: string, logPath: string }>}
 */
export function runElectronInstaller(options) {
  const {
    installerPath,
    distDirectory,
    onProgress = () => {},
    stallMilliseconds = 60_000,
    pollMilliseconds = 500,
  } = options;
  const logPath = options.logPath ?? path.join(os.tmpdir(), 'tokentrail-electron-install.log');
  const downloadFolder = mkdtempSync(path.join(os.tmpdir(), 'tokentrail-electron-download-'));
  const env = { ...(options.env ?? process.env), TMPDIR: downloadFolder, TMP: downloadFolder, TEMP: downloadFolder };
  const child = spawn(process.execPath, [installerPath], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderrText = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => {
    stderrText += text;
  });

  return new Promise((resolve) => {
    let lastBytes = -1;
    let lastChange = Date.now();
    let stalled = false;
    const poll = setInterval(() => {
      const downloadedBytes = folderBytes(downloadFolder);
      const unpackedBytes = folderBytes(distDirectory);
      const bytes = downloadedBytes + unpackedBytes;
      if (bytes !== lastBytes) {
        lastBytes = bytes;
        lastChange = Date.now();
        if (bytes > 0) onProgress({ downloadedBytes, unpackedBytes });
      } else if (Date.now() - lastChange > stallMilliseconds) {
        stalled = true;
        child.kill('SIGKILL');
      }
    }, pollMilliseconds);

    let finished = false;
    const finish = (exitCode, spawnError) => {
      // A spawn error may be followed by 'close': the first event decides.
      if (finished) return;
      finished = true;
      clearInterval(poll);
      rmSync(downloadFolder, { recursive: true, force: true });
      writeFileSync(logPath, stderrText);
      if (exitCode === 0 && !spawnError) return resolve({ ok: true });
      const cause = stalled
        ? `no data arrived for ${Math.round(stallMilliseconds / 1000)} s, so the download was stopped`
        : spawnError
          ? `the installer could not be started: ${spawnError.message}`
          : installerFailureCause(stderrText, exitCode);
      resolve({ ok: false, cause, logPath });
    };
    child.on('error', (error) => finish(null, error));
    child.on('close', (code) => finish(code, undefined));
  });
}

/**
 * The real `installRuntime` for callers: runs the installed `electron` package's installer with progress on stderr.
 * @param {{ electron: { directory: string, version: string, installerPath: string }, env?: NodeJS.ProcessEnv,
 *   stallMilliseconds?: number, progressStream?: NodeJS.WritableStream & { isTTY?: boolean } }} options
 */
export async function installElectronRuntime({ electron, env, stallMilliseconds, progressStream = process.stderr }) {
  const progress = progressPrinter(progressStream, `Electron ${electron.version}`);
  const result = await runElectronInstaller({
    installerPath: electron.installerPath,
    distDirectory: path.join(electron.directory, 'dist'),
    env,
    stallMilliseconds,
    onProgress: (counts) => progress.update(counts),
  });
  progress.finish();
  return result;
}
