import type { ExerciseQuestion } from './answer-key';
import type { City } from './geography';
import type { Device, Difficulty, IdentityProviderFormat, Person, ScenarioToken, TruthEvent } from './model';
import type { Random } from './random';
import type { Session, Simulation } from './simulation';

/** What a planted incident says about itself; turned into the answer key once the logs are written. */
export interface PlantedIncident {
  readonly expected: readonly {
    readonly id: string;
    readonly subject?: string;
    readonly tokens?: readonly ScenarioToken[];
    readonly incident: string;
    readonly why: string;
    readonly evidence: readonly TruthEvent[];
  }[];
  readonly alsoAccepted?: readonly {
    readonly id: string;
    readonly subject?: string;
    readonly tokens?: readonly ScenarioToken[];
    readonly why: string;
  }[];
  readonly mustNotReport?: readonly { readonly id: string; readonly subject?: string; readonly why: string }[];
  readonly undetected?: readonly { readonly incident: string; readonly note: string }[];
  readonly timeline: readonly { readonly event: TruthEvent; readonly what: string }[];
  readonly questions: readonly ExerciseQuestion[];
}

/** What a scenario's plant function works with: the simulation so far and helpers to add its own people. */
export interface Stage {
  readonly simulation: Simulation;
  readonly random: Random;
  /** Start of the evidence window (UTC epoch ms). */
  readonly start: number;
  /** The identity provider whose sign-in log is written (it decides what `sub` looks like). */
  readonly provider: IdentityProviderFormat | undefined;
  /** A new person with a device, at home in `home` (else a random home city). */
  person(
    kind: 'mobile' | 'web',
    options?: { home?: City; device?: Partial<Device> },
  ): { person: Person; device: Device };
  /** An ordinary session for someone, without noise, returning it after sign-in (use the simulation helpers to go on). */
  session(person: Person, device: Device, at: number): Session;
}

/** A training scenario: a story, a difficulty, and the incident it plants into ordinary traffic. */
export interface ScenarioDefinition {
  /** Stable kebab-case id (`tokentrail sample <id>`). */
  readonly id: string;
  readonly title: string;
  readonly difficulty: Difficulty;
  /** What the trainee is told at the start (never the answer). */
  readonly story: string;
  /** The identity provider's sign-in log format, unless `--formats` chooses. */
  readonly provider: IdentityProviderFormat;
  /** Plant the incident; the background traffic is already in `stage.simulation`. */
  plant(stage: Stage): PlantedIncident;
}
