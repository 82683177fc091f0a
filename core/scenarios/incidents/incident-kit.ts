import type { ExerciseQuestion } from '../answer-key';
import { ATTACKER_CITIES, type City } from '../geography';
import type { Device, Person, ScenarioToken } from '../model';
import type { Stage } from '../scenario';
import { placeIn, useUntilRefresh, type Place, type Session } from '../simulation';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** User agents attackers' tools send. */
export const ATTACKER_AGENTS = ['python-requests/2.32.3', 'curl/8.11.1', 'Go-http-client/2.0'];

/** A victim: a new person with a device, signed in an hour into the evidence and using it normally for a while. */
export function victimSession(
  stage: Stage,
  kind: 'mobile' | 'web',
  options: { device?: Partial<Device> } = {},
): Session {
  const { person, device } = stage.person(kind, options.device ? { device: options.device } : {});
  const session = stage.session(person, device, stage.start + HOUR + stage.random.integer(0, 30) * MINUTE);
  useUntilRefresh(stage.simulation, session);
  return session;
}

/** An attacker's place, far from Europe. */
export function attackerPlace(stage: Stage): Place {
  return placeIn(stage.random, stage.random.pick(ATTACKER_CITIES), false);
}

/**
 * A session-shaped context for requests someone makes with a token of their own making: it is never signed in,
 * so nothing is recorded for it but the requests.
 */
export function forgerContext(stage: Stage, person: Person, token: ScenarioToken, place: Place, at: number): Session {
  const { device } = stage.person('web');
  return { person, device, sessionId: 'none', place, access: token, accessIat: at, refresh: token, at };
}

/** A question whose accepted answers are `accept` (matched case-insensitively as a part of the answer). */
export const question = (
  id: string,
  text: string,
  answer: string,
  accept: readonly string[] = [answer],
): ExerciseQuestion => ({
  id,
  question: text,
  answer,
  accept,
});

/** "From which country …" — accepting the code and the name. */
export const countryQuestion = (id: string, text: string, city: City): ExerciseQuestion =>
  question(id, text, `${city.countryName} (${city.country})`, [city.country, city.countryName]);

/**
 * Findings that a token used abroad in someone's name also raises — a hop of their session or subject, a token
 * from a second address or tool: true, and acceptable to report, but not what the exercise asks for.
 */
export function hopsAbroad(person: Person, why: string): { id: string; subject: string; why: string }[] {
  return ['impossible-travel', 'country-change', 'replay'].map((id) => ({ id, subject: person.subject, why }));
}
