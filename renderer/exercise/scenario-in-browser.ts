// A training scenario generated in the page, without the CLI: core/scenarios' generator run a session at a time,
// letting the page breathe between steps so it can show its progress, then opened through the ordinary import path
// (verified, hashed and journalled like any bundle) or sealed as an exercise file with WebCrypto.
import {
  memorySink,
  sealExercise,
  serializeExerciseFile,
  streamScenario,
  type GeneratedScenario,
  type GenerationProgress,
  type HiddenAnalysis,
  type ScenarioDefinition,
  type SealingSubtle,
} from '../../core/scenarios';
import type { TokentrailDatabase } from '../db/schema';
import { openBundleAsCase } from '../evidence/open-bundle-as-case';
import { pickedFileFromBytes } from '../host/blob-file';

/** The size generated in the page: the CLI's default, about a second with core's pure-TypeScript RS256 signer. */
export const BROWSER_SCENARIO_EVENTS = 400;

/** Sessions generated between two breaths of the page (each may sign a few RS256 tokens, ~25 ms each). */
const STEPS_PER_BREATH = 4;

const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Generates `scenario` in memory (the CLI's default size), reporting progress after every few sessions. The seed
 * is given: 1 for a case (as `tokentrail sample` without --seed, so the answer key can be regenerated), a random one
 * for an exercise (so a trainee cannot).
 */
export async function generateInPage(
  scenario: ScenarioDefinition,
  seed: number,
  onProgress: (progress: GenerationProgress) => void,
): Promise<GeneratedScenario> {
  const sink = memorySink();
  const generation = streamScenario(scenario, { seed, events: BROWSER_SCENARIO_EVENTS }, sink);
  for (let step = 1; ; step++) {
    const next = generation.next();
    if (next.done) {
      const { paths, answerKey, eventCount } = next.value;
      return { files: paths.map((path) => ({ path, bytes: sink.bytesOf(path) })), answerKey, eventCount };
    }
    if (step % STEPS_PER_BREATH === 0) {
      onProgress(next.value);
      await breathe();
    }
  }
}

/** Opens a generated bundle as a new case through the ordinary import path; returns the case id. */
export function openGeneratedAsCase(
  database: TokentrailDatabase,
  investigator: string,
  generated: GeneratedScenario,
): Promise<string> {
  const selection = {
    kind: 'folder' as const,
    name: `${generated.answerKey.scenario.id}-bundle`,
    files: generated.files.map((file) => pickedFileFromBytes(file.bytes, file.path)),
  };
  return openBundleAsCase(database, investigator, selection);
}

/** Seals a generated bundle as an exercise file (.ttexercise bytes) under the instructor's passphrase. */
export async function sealGenerated(
  generated: GeneratedScenario,
  passphrase: string,
  hidden: readonly HiddenAnalysis[],
): Promise<Uint8Array> {
  const exercise = await sealExercise(
    {
      // The DOM's overloaded SubtleCrypto is the shape core declares (as the Exercise tab casts it too).
      subtle: crypto.subtle as unknown as SealingSubtle,
      randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    },
    { answerKey: generated.answerKey, files: generated.files, passphrase, hidden },
  );
  return new TextEncoder().encode(serializeExerciseFile(exercise));
}

/** A random 32-bit seed for an exercise, as `tokentrail exercise create` picks one. */
export const randomSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0]!;
