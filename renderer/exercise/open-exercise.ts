// A sealed exercise file (.ttexercise, `tokentrail exercise create`) opens as a new case: its bundle is verified and
// stored like any bundle (custody, hashes), and the case keeps the exercise — the sealed answer key included, still
// sealed — so the Exercise tab can collect the trainee's work and the instructor's passphrase can score it.
import { parseExerciseFile } from '../../core/scenarios';
import type { TokentrailDatabase } from '../db/schema';
import type { CaseExercise } from '../db/exercise-records';
import { pickedFileFromBytes } from '../host/blob-file';
import type { PickedFile } from '../host/host';
import { openBundleAsCase } from '../evidence/open-bundle-as-case';

/** Exercise files are read whole (they are JSON): above this they are refused rather than exhaust the page. */
export const MAX_EXERCISE_BYTES = 512 * 1024 * 1024;

/** Verifies and stores the exercise's bundle as a new case in exercise mode; returns the case id or throws why not. */
export async function openExerciseAsCase(
  database: TokentrailDatabase,
  investigator: string,
  file: PickedFile,
): Promise<string> {
  if (file.size > MAX_EXERCISE_BYTES)
    throw new Error(`${file.name} is larger than an exercise file can be (${MAX_EXERCISE_BYTES / 1024 / 1024} MiB)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.read(0, file.size));
  } catch {
    throw new Error(`${file.name} is not an exercise file: it is not UTF-8 text`);
  }
  const parsed = parseExerciseFile(text);
  if (!parsed.ok)
    throw new Error(`${file.name}${parsed.line !== undefined ? `:${parsed.line}` : ''} is refused: ${parsed.message}`);
  const { header, files, sealed } = parsed.value;
  const selection = {
    kind: 'folder' as const,
    name: file.name,
    files: files.map((bundleFile) => pickedFileFromBytes(bundleFile.bytes, bundleFile.path)),
  };
  const caseId = await openBundleAsCase(database, investigator, selection);
  const exercise: CaseExercise = { header, sealed, startedAt: Date.now(), answers: {}, ownFindings: [] };
  await database.cases.update(caseId, { exercise, title: `Exercise: ${header.scenario.title}` });
  return caseId;
}
