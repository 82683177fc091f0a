/**
 * Training scenarios: a deterministic, seeded generator of complete evidence bundles (a population's ordinary
 * traffic with its noise, the issuer's keys and history, planted incidents, logs in several vendor formats) with an
 * answer key, and the scoring of a trainee's submission against it. docs/training.md.
 */
export type {
  AcceptedFinding,
  AnswerKey,
  EvidenceRow,
  ExerciseQuestion,
  ExpectedFinding,
  MustNotReport,
  TruthStep,
  UndetectedIncident,
} from './answer-key';
export type { Rs256Signer } from './compact-jws';
export type { FixtureRsaKey } from './fixture-keys';
export { signRs256 } from './rsa-signature';
export {
  EVENTS_PER_DAY,
  generateScenario,
  streamScenario,
  writeScenario,
  type GenerateOptions,
  type GeneratedFile,
  type GeneratedScenario,
  type GenerationProgress,
  type StreamedScenario,
} from './generate';
export { memorySink, type BundleSink } from './bundle-sink';
export { SCENARIO_FORMATS, type Difficulty, type ScenarioFormat } from './model';
export { seededRandom, createRandom, type Random } from './random';
export type { ScenarioDefinition } from './scenario';
export { SCENARIOS, findScenario } from './scenarios';
export {
  matchesFinding,
  scoreSubmission,
  type ExerciseScore,
  type FalseReport,
  type ScoredAnswer,
  type ScoredExpectation,
  type SubmittedFinding,
  type Submission,
} from './score';
export { HOME_CITIES, TRAIN_DESTINATIONS, ATTACKER_CITIES, VPN_EGRESS, type City } from './geography';
export { parseAnswerKey, parseSubmission, type ReadResult } from './read-exercise-files';
export {
  bundleManifest,
  bundleManifestOfDigests,
  type BundleFileDigest,
  type BundleFileFacts,
} from './bundle-manifest';
export { harDocument, harEntry, type HarRequest } from './writers/har-document';
export {
  EXERCISE_FORMAT,
  HIDDEN_ANALYSES,
  PBKDF2_ITERATION_RANGE,
  bundleDigest,
  exerciseHeader,
  parseExerciseFile,
  serializeExerciseFile,
  type ExerciseBundleFile,
  type ExerciseFile,
  type ExerciseHeader,
  type HiddenAnalysis,
  type SealedAnswerKey,
} from './exercise-file';
export {
  DEFAULT_PBKDF2_ITERATIONS,
  sealExercise,
  unsealAnswerKey,
  type SealOptions,
  type SealingCrypto,
  type SealingSubtle,
} from './exercise-seal';
export { EXERCISE_RESULT_FORMAT, exerciseResult, parseExerciseResult, type ExerciseResult } from './exercise-result';
