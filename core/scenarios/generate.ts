import type { AnswerKey, EvidenceRow } from './answer-key';
import { bundleManifest, type BundleFileFacts } from './bundle-manifest';
import type { Rs256Signer } from './compact-jws';
import { signRs256 } from './rsa-signature';
import { caseConfigFile, jwksFile, keyRotationFile } from './case-files';
import type { IdentityProviderFormat, RecordLocation, ScenarioFormat, TruthEvent } from './model';
import { makeDevice, makePerson } from './population';
import { createRandom } from './random';
import type { PlantedIncident, ScenarioDefinition, Stage } from './scenario';
import { chooseNoise, placeIn, runSession, signIn, type Simulation } from './simulation';
import { writeAccessLog } from './writers/access-log';
import { writeHar } from './writers/har';
import type { LogFile } from './writers/log-file';
import { writeSignInLog } from './writers/sign-in-logs';
import { writeTokenServiceLog } from './writers/token-service-log';

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
const VENDORS: readonly IdentityProviderFormat[] = ['okta', 'entra', 'auth0', 'keycloak'];

/** Mix the scenario id into the seed, so two scenarios with the same seed do not share their population. */
function scenarioSeed(id: string, seed: number): number {
  let hash = seed >>> 0;
  for (let at = 0; at < id.length; at++) hash = Math.imul(hash ^ id.charCodeAt(at), 0x01000193) >>> 0;
  return hash;
}

function background(simulation: Simulation, stage: Stage, count: number): void {
  const random = simulation.random;
  // One computer whose traffic was captured (HAR), with a clock a few seconds off, as real captures are.
  const captured = stage.person('web', { device: { captured: true, clockSkewMs: random.integer(-15, 15) * 1000 } });
  runSession(simulation, captured.person, captured.device, stage.start + random.integer(0, 2 * HOUR), {
    ...chooseNoise(random, captured.device, captured.person),
    vpn: false,
  });
  while (simulation.events.length < count) {
    const { person, device } = stage.person(random.chance(0.6) ? 'mobile' : 'web');
    runSession(
      simulation,
      person,
      device,
      stage.start + random.integer(0, 6 * HOUR),
      chooseNoise(random, device, person),
    );
  }
  simulation.events.length = Math.min(simulation.events.length, Math.max(count, 1));
}

function writeLogs(events: readonly TruthEvent[], formats: readonly ScenarioFormat[]): LogFile[] {
  const vendors = VENDORS.filter((vendor) => formats.includes(vendor));
  const files = [
    writeTokenServiceLog(events, vendors.length === 0),
    ...vendors.map((vendor) => writeSignInLog(vendor, events)),
  ];
  if (formats.includes('access-log')) files.push(writeAccessLog(events));
  const har = formats.includes('har') ? writeHar(events) : undefined;
  if (har) files.push(har);
  return files;
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

function rowsOf(event: TruthEvent, files: readonly LogFile[]): EvidenceRow[] {
  const located: RecordLocation[] = files.flatMap((file) => {
    const location = file.locations.get(event);
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
  files: readonly LogFile[],
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
  files: readonly BundleFileFacts[],
  lastTs: number,
): string {
  const manifest = bundleManifest(
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

/** The UTF-8 bytes of a file's parts, in one array. */
function encodeParts(parts: readonly string[]): Uint8Array {
  const encoder = new TextEncoder();
  const encoded = parts.map((part) => encoder.encode(part));
  const bytes = new Uint8Array(encoded.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of encoded) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/**
 * Generate a scenario's complete bundle: ordinary traffic of a population (with its noise), the planted incident,
 * the logs in the chosen formats, the issuer's keys, key history and case configuration, the manifest, and the
 * answer key pointing at the records that prove each finding. Pure and deterministic: the same definition, seed,
 * size and formats give the same bytes on every host.
 */
export function generateScenario(definition: ScenarioDefinition, options: GenerateOptions = {}): GeneratedScenario {
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
  background(simulation, stage, count);
  const planted = definition.plant(stage);
  const events = [...simulation.events].sort((a, b) => a.ts - b.ts);
  const logs = [...writeLogs(events, formats), jwksFile(), keyRotationFile(), caseConfigFile()];
  const encoder = new TextEncoder();
  // Each file is encoded once; the manifest hashes and sizes the very bytes written.
  const encoded = logs.map((log) => ({ ...log, bytes: encodeParts(log.parts) }));
  const manifest = manifestOf(definition, seed, encoded, events.at(-1)?.ts ?? stage.start);
  return {
    files: [
      { path: 'manifest.json', bytes: encoder.encode(manifest) },
      ...encoded.map(({ path, bytes }) => ({ path, bytes })),
    ],
    answerKey: answerKeyOf(definition, { seed, events: count }, planted, logs),
    eventCount: events.length,
  };
}
