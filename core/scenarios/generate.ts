import type { Sha256Factory } from '../evidence';
import type { AnswerKey, EvidenceRow } from './answer-key';
import { bundleManifestOfDigests, type BundleFileDigest } from './bundle-manifest';
import { HashingBundleWriter, memorySink, type BundleSink } from './bundle-sink';
import type { Rs256Signer } from './compact-jws';
import { signRs256 } from './rsa-signature';
import { caseConfigFile, jwksFile, keyRotationFile } from './case-files';
import type { IdentityProviderFormat, RecordLocation, ScenarioFormat, TruthEvent } from './model';
import { makeDevice, makePerson } from './population';
import { createRandom } from './random';
import type { PlantedIncident, ScenarioDefinition, Stage } from './scenario';
import { chooseNoise, placeIn, runSession, signIn, type Simulation } from './simulation';
import { accessLogSpec } from './writers/access-log';
import { harSpec } from './writers/har';
import { LogFileWriter, type LogFileSpec } from './writers/log-file';
import { signInLogSpec } from './writers/sign-in-logs';
import { tokenServiceLogSpec } from './writers/token-service-log';

/** How to generate a scenario. */
export interface GenerateOptions {
  /** Same seed, same bytes. Default 1. */
  readonly seed?: number;
  /** Background events to generate (each written as one or more log records). Default 400. */
  readonly events?: number;
  /** Log formats to write; the token service log (`jsonl`) is always written, as the issuance record. */
  readonly formats?: readonly ScenarioFormat[];
  /** RS256 signing; default core's pure TypeScript one. A Node host passes node:crypto's (same bytes, faster). */
  readonly signer?: Rs256Signer;
  /** Incremental SHA-256 for the manifest; default core's pure TypeScript one (a Node host passes node:crypto's). */
  readonly sha256?: Sha256Factory;
}

/** How far generation is: events generated so far of the number asked for (the planted ones come on top). */
export interface GenerationProgress {
  readonly events: number;
  readonly target: number;
}

/** What a streamed generation leaves besides the files it wrote. */
export interface StreamedScenario {
  /** The files written, manifest.json first, in the manifest's order. */
  readonly paths: readonly string[];
  readonly answerKey: AnswerKey;
  /** Truth events generated (background and planted). */
  readonly eventCount: number;
}

/** A file of a generated bundle. */
export interface GeneratedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** A generated bundle: its files (manifest.json first) and the answer key that goes beside it. */
export interface GeneratedScenario {
  readonly files: readonly GeneratedFile[];
  readonly answerKey: AnswerKey;
  /** Truth events generated (background and planted). */
  readonly eventCount: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Ordinary events per simulated working day. A larger size continues on the following days with new people, so
 * memory is bounded by one day's events whatever the size (and a day stays as busy as a real tenant's).
 */
export const EVENTS_PER_DAY = 25_000;
const VENDORS: readonly IdentityProviderFormat[] = ['okta', 'entra', 'auth0', 'keycloak'];

/** Mix the scenario id into the seed, so two scenarios with the same seed do not share their population. */
function scenarioSeed(id: string, seed: number): number {
  let hash = seed >>> 0;
  for (let at = 0; at < id.length; at++) hash = Math.imul(hash ^ id.charCodeAt(at), 0x01000193) >>> 0;
  return hash;
}

/**
 * Ordinary traffic of one working day from `dayStart` until the simulation holds `count` events, yielding the count
 * after each session. The first day also has the one computer whose traffic was captured.
 */
function* background(
  simulation: Simulation,
  stage: Stage,
  count: number,
  dayStart: number,
  withCapture: boolean,
): Generator<number> {
  const random = simulation.random;
  if (withCapture) {
    // One computer whose traffic was captured (HAR), with a clock a few seconds off, as real captures are.
    const captured = stage.person('web', { device: { captured: true, clockSkewMs: random.integer(-15, 15) * 1000 } });
    runSession(simulation, captured.person, captured.device, dayStart + random.integer(0, 2 * HOUR), {
      ...chooseNoise(random, captured.device, captured.person),
      vpn: false,
    });
  }
  while (simulation.events.length < count) {
    const { person, device } = stage.person(random.chance(0.6) ? 'mobile' : 'web');
    runSession(simulation, person, device, dayStart + random.integer(0, 6 * HOUR), chooseNoise(random, device, person));
    yield simulation.events.length;
  }
  simulation.events.length = Math.min(simulation.events.length, Math.max(count, 1));
}

function logSpecs(formats: readonly ScenarioFormat[]): LogFileSpec[] {
  const vendors = VENDORS.filter((vendor) => formats.includes(vendor));
  return [
    tokenServiceLogSpec(vendors.length === 0),
    ...vendors.map((vendor) => signInLogSpec(vendor)),
    ...(formats.includes('access-log') ? [accessLogSpec] : []),
    ...(formats.includes('har') ? [harSpec] : []),
  ];
}

/** A one-line description of a truth event, for evidence rows and the timeline. */
export function describeEvent(event: TruthEvent): string {
  const where = `${event.ip} (${event.city.name}, ${event.city.country})`;
  const who = event.person.email;
  switch (event.kind) {
    case 'use':
      return `${event.method} ${event.path} → ${event.status} from ${where} with token ${event.presented?.jti ?? event.presented?.hash.slice(0, 12)} (${who})`;
    case 'issue':
    case 'refresh':
      return `${event.kind} for ${who} from ${where}${event.appVersion ? `, app ${event.appVersion}` : ''}${event.redeemed ? `, redeeming ${event.redeemed.jti}` : ''} → ${event.accessToken?.jti}`;
    default:
      return `${event.kind} of ${who} from ${where}`;
  }
}

/** Where the events the answer key cites were written, per log file in the bundle's order. */
type Locations = readonly ReadonlyMap<TruthEvent, RecordLocation>[];

function rowsOf(event: TruthEvent, files: Locations): EvidenceRow[] {
  const located: RecordLocation[] = files.flatMap((file) => {
    const location = file.get(event);
    return location ? [location] : [];
  });
  return located.map((location) => ({
    ...location,
    ts: event.ts,
    time: new Date(event.ts).toISOString(),
    what: describeEvent(event),
  }));
}

function answerKeyOf(
  definition: ScenarioDefinition,
  options: Required<Pick<GenerateOptions, 'seed' | 'events'>>,
  planted: PlantedIncident,
  files: Locations,
): AnswerKey {
  const hashes = (tokens: readonly { hash: string }[] | undefined) =>
    tokens ? { tokenHashes: tokens.map((token) => token.hash) } : {};
  const subject = (value: string | undefined) => (value !== undefined ? { subject: value } : {});
  return {
    format: 'tokentrail-answer-key',
    formatVersion: 1,
    scenario: {
      id: definition.id,
      title: definition.title,
      difficulty: definition.difficulty,
      story: definition.story,
      seed: options.seed,
      events: options.events,
    },
    expectedFindings: planted.expected.map((item) => ({
      id: item.id,
      ...subject(item.subject),
      ...hashes(item.tokens),
      incident: item.incident,
      why: item.why,
      evidence: item.evidence.flatMap((event) => rowsOf(event, files)),
    })),
    alsoAccepted: (planted.alsoAccepted ?? []).map((item) => ({
      id: item.id,
      ...subject(item.subject),
      ...hashes(item.tokens),
      why: item.why,
    })),
    mustNotReport: planted.mustNotReport ?? [],
    undetected: planted.undetected ?? [],
    timeline: planted.timeline.map((step) => ({
      ts: step.event.ts,
      time: new Date(step.event.ts).toISOString(),
      what: step.what,
      evidence: rowsOf(step.event, files),
    })),
    questions: planted.questions,
  };
}

function manifestOf(
  definition: ScenarioDefinition,
  seed: number,
  files: readonly BundleFileDigest[],
  lastTs: number,
): string {
  const manifest = bundleManifestOfDigests(
    {
      title: `Training: ${definition.title}`,
      caseNumber: `NW-TRAIN-${definition.id}-${seed}`,
      collectedBy: 'Tokentrail scenario generator',
      collectedAt: new Date(lastTs + 12 * HOUR).toISOString().replace(/\.\d+Z$/, 'Z'),
      timeZone: 'Europe/Berlin',
      sourceSystems: ['login.northwind.example (IAM)', 'api.northwind.example gateway'],
      notes: definition.story,
    },
    files,
  );
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The events the answer key points at: only their locations are kept while the days are written. */
function citedEvents(planted: PlantedIncident): Set<TruthEvent> {
  return new Set([...planted.expected.flatMap((item) => item.evidence), ...planted.timeline.map((step) => step.event)]);
}

/**
 * Generate a scenario's complete bundle into `sink`, a working day at a time: ordinary traffic of a population
 * (with its noise), the planted incident on the first day, the logs in the chosen formats — each record written as
 * the day is, every file hashed on the way — then the issuer's keys, key history, case configuration and the
 * manifest, and the answer key pointing at the records that prove each finding. Memory stays bounded by one day
 * ({@link EVENTS_PER_DAY}), whatever the size. A generator: it yields its progress after each session, so a host
 * can show it and breathe; {@link writeScenario} runs it through. Pure and deterministic: the same definition, seed,
 * size and formats give the same bytes on every host.
 */
export function* streamScenario(
  definition: ScenarioDefinition,
  options: GenerateOptions,
  sink: BundleSink,
): Generator<GenerationProgress, StreamedScenario> {
  const seed = options.seed ?? 1;
  const count = options.events ?? 400;
  const formats = options.formats ?? ['jsonl', definition.provider, 'access-log', 'har'];
  const random = createRandom(scenarioSeed(definition.id, seed));
  const provider = VENDORS.find((vendor) => formats.includes(vendor));
  const simulation: Simulation = { random, events: [], signer: options.signer ?? signRs256 };
  let people = 0;
  const stage: Stage = {
    simulation,
    random,
    start: Date.UTC(2026, 10, 16 + (seed % 10), 6),
    provider,
    person: (kind, extra = {}) => {
      const person = makePerson(random, ++people, provider);
      const home = extra.home ?? person.home;
      return { person: { ...person, home }, device: makeDevice(random, kind, extra.device) };
    },
    session: (person, device, at) =>
      signIn(simulation, person, device, at, placeIn(random, person.home, device.client.kind === 'mobile')),
  };
  const bundle = new HashingBundleWriter(sink, options.sha256);
  const writers = logSpecs(formats).map((spec) => new LogFileWriter(spec, (text) => bundle.write(spec.path, text)));
  const locations = writers.map(() => new Map<TruthEvent, RecordLocation>());
  let written = 0;
  let lastTs = stage.start;
  const writeDay = (cited: ReadonlySet<TruthEvent>) => {
    // In place and stable: the day's events in time order, ties in the order they happened.
    const events = simulation.events.sort((a, b) => a.ts - b.ts);
    if (written > 0 && events.length > 0 && events[0]!.ts < lastTs)
      throw new Error(`scenario ${definition.id}: a day's events overlap the previous day's (a generator bug)`);
    for (const event of events)
      for (const [index, writer] of writers.entries()) {
        const location = writer.append(event);
        if (location && cited.has(event)) locations[index]!.set(event, location);
      }
    written += events.length;
    lastTs = events.at(-1)?.ts ?? lastTs;
    simulation.events.length = 0;
  };
  const progress = function* (day: Generator<number>) {
    for (const events of day) yield { events: written + events, target: count };
  };

  const firstDay = Math.min(count, EVENTS_PER_DAY);
  yield* progress(background(simulation, stage, firstDay, stage.start, true));
  const planted = definition.plant(stage);
  writeDay(citedEvents(planted));
  for (let day = 1, remaining = count - firstDay; remaining > 0; day++) {
    const today = Math.min(remaining, EVENTS_PER_DAY);
    yield* progress(background(simulation, stage, today, stage.start + day * DAY, false));
    writeDay(new Set());
    remaining -= today;
  }
  for (const writer of writers) writer.finish();
  const staticFiles = [jwksFile(), keyRotationFile(), caseConfigFile()];
  for (const file of staticFiles) bundle.write(file.path, file.text);
  const files: BundleFileDigest[] = [
    ...writers.filter((writer) => writer.present).map((writer) => writer.spec),
    ...staticFiles,
  ].map(({ path, kind, mediaType, description }) => ({ path, kind, mediaType, description, ...bundle.digest(path) }));
  bundle.write('manifest.json', manifestOf(definition, seed, files, lastTs));
  return {
    paths: ['manifest.json', ...files.map((file) => file.path)],
    answerKey: answerKeyOf(definition, { seed, events: count }, planted, locations),
    eventCount: written,
  };
}

/** {@link streamScenario} run to the end at once. */
export function writeScenario(
  definition: ScenarioDefinition,
  options: GenerateOptions,
  sink: BundleSink,
): StreamedScenario {
  const generation = streamScenario(definition, options, sink);
  for (;;) {
    const step = generation.next();
    if (step.done) return step.value;
  }
}

/**
 * Generate a scenario's complete bundle in memory ({@link streamScenario} into memory): the files, manifest.json
 * first, and the answer key. For bundles that fit in memory; the CLI streams larger ones to disk.
 */
export function generateScenario(definition: ScenarioDefinition, options: GenerateOptions = {}): GeneratedScenario {
  const sink = memorySink();
  const { paths, answerKey, eventCount } = writeScenario(definition, options, sink);
  return { files: paths.map((path) => ({ path, bytes: sink.bytesOf(path) })), answerKey, eventCount };
}
