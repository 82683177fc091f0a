import type { JsonObject, TokenSigning } from '../compact-jws';
import { FIXTURE_KEYS } from '../fixture-keys';
import type { Difficulty, Person } from '../model';
import { apiOf, mintAccessToken } from '../organisation';
import { COMMON_JWT_SECRETS } from '../../token';
import type { PlantedIncident, ScenarioDefinition, Stage } from '../scenario';
import { presentToken } from '../simulation';
import {
  ATTACKER_AGENTS,
  hopsAbroad,
  attackerPlace,
  countryQuestion,
  forgerContext,
  MINUTE,
  question,
  victimSession,
} from './incident-kit';

interface Forgery {
  readonly id: string;
  readonly title: string;
  readonly difficulty: Difficulty;
  readonly story: string;
  readonly provider: ScenarioDefinition['provider'];
  /** How the token is made: its header and signing, given the seeded stage. */
  readonly make: (stage: Stage) => { header: JsonObject; signing: TokenSigning; how: string };
  /** The check ids that prove the forgery, besides token-never-issued. */
  readonly proof: readonly string[];
  /** Check ids that also fire on such a token and are true, but not required. */
  readonly accepted: readonly string[];
  /** What the question "how was it made" accepts. */
  readonly howAccept: readonly string[];
}

/**
 * A forged access token: a victim's ordinary session shows the real tokens' shape; an attacker abroad mints one of
 * their own for the victim (with an admin role) and calls the Billing API with it a few times.
 */
function forgedTokenScenario(forgery: Forgery): ScenarioDefinition {
  return {
    id: forgery.id,
    title: forgery.title,
    difficulty: forgery.difficulty,
    story: forgery.story,
    provider: forgery.provider,
    plant(stage): PlantedIncident {
      const victim = victimSession(stage, 'web');
      const person: Person = victim.person;
      const { header, signing, how } = forgery.make(stage);
      const place = attackerPlace(stage);
      const at = victim.at + stage.random.integer(20, 60) * MINUTE;
      const token = mintAccessToken(
        stage.simulation.signer,
        {
          sub: person.subject,
          sid: victim.sessionId,
          clientId: victim.device.client.clientId,
          audiences: ['billing-api'],
          iat: at - 2 * MINUTE,
          jti: `at-${stage.random.hex(16)}`,
          extra: { role: 'admin' },
        },
        { header, signing },
      );
      const forger = forgerContext(stage, person, token, place, at);
      const userAgent = stage.random.pick(ATTACKER_AGENTS);
      const uses = [0, 1, 2].map((step) =>
        presentToken(stage.simulation, forger, at + step * stage.random.integer(1, 4) * MINUTE, {
          api: apiOf('billing-api'),
          path: 'v1/payment-methods',
          method: step === 0 ? 'GET' : 'POST',
          userAgent,
          incident: forgery.id,
        }),
      );
      const incident = forgery.id;
      return {
        expected: [
          ...forgery.proof.map((id) => ({
            id,
            tokens: [token],
            incident,
            why: `The token ${token.jti} was ${how}.`,
            evidence: uses,
          })),
          {
            id: 'token-never-issued',
            tokens: [token],
            incident,
            why: `No record of the token service issued ${token.jti}: it was made outside the issuer.`,
            evidence: uses,
          },
        ],
        alsoAccepted: [
          ...forgery.accepted.map((id) => ({
            id,
            tokens: [token],
            why: `Also true of the forged token ${token.jti}.`,
          })),
          {
            id: 'bad-token-accepted',
            tokens: [token],
            why: `The Billing API answered the forged token ${token.jti} with success.`,
          },
          ...hopsAbroad(
            person,
            `The forged token names ${person.email}'s session, so its use abroad is also a hop of that session.`,
          ),
        ],
        timeline: [
          {
            event: uses[0]!,
            what: `The attacker presents the forged token ${token.jti} (claims ${person.email}, role admin) from ${place.city.name}.`,
          },
          { event: uses[2]!, what: 'Last request with the forged token.' },
        ],
        questions: [
          question('how', 'How was the token made (which check proves it)?', forgery.proof[0]!, forgery.howAccept),
          question('subject', 'Whose identity does the forged token claim (e-mail)?', person.email, [
            person.email,
            person.subject,
          ]),
          countryQuestion('country', 'From which country were the requests with it sent?', place.city),
          question('issued', 'Did the issuer ever issue this token (yes or no)?', 'no'),
        ],
      };
    },
  };
}

/** alg none: an unsigned token the API accepted. */
export const algNone = forgedTokenScenario({
  id: 'alg-none',
  title: 'An unsigned admin token',
  difficulty: 'easy',
  provider: 'okta',
  story:
    'Billing reports payment-method changes nobody at Northwind made. The gateway log shows the requests were authorised. Find out with which token, and how it came to be accepted.',
  make: () => ({ header: { alg: 'none', typ: 'JWT' }, signing: { kind: 'none' }, how: 'unsigned (alg "none")' }),
  proof: ['alg-none'],
  accepted: ['algorithm-not-allowed', 'signature-missing'],
  howAccept: ['alg-none', 'alg none', 'unsigned', 'none'],
});

/** RS256 → HS256 with the public key as the HMAC secret. */
export const keyConfusion = forgedTokenScenario({
  id: 'key-confusion',
  title: 'Signed with the public key',
  difficulty: 'hard',
  provider: 'entra',
  story:
    'A penetration-test report from last month warned that one billing service "trusts the alg header". This morning payment methods changed on an account whose owner was asleep. Confirm or rule out the warning.',
  make: () => ({
    header: { alg: 'HS256', typ: 'at+jwt', kid: 'nw-2026-11' },
    signing: { kind: 'hs256', secret: new TextEncoder().encode(FIXTURE_KEYS.issuerCurrent.spkiPem) },
    how: "HMAC-signed with the issuer's own public key (its SPKI PEM) as the secret: RS/HS key confusion",
  }),
  proof: ['key-confusion'],
  accepted: ['algorithm-not-allowed'],
  howAccept: ['key-confusion', 'key confusion', 'public key'],
});

/** A guessable HMAC secret. */
export const weakHmacSecret = forgedTokenScenario({
  id: 'weak-hmac-secret',
  title: 'A secret from a tutorial',
  difficulty: 'easy',
  provider: 'auth0',
  story:
    'An old internal tool was found signing tokens with HS256. Since yesterday, admin calls hit the Billing API from outside Europe. Establish whether the calls used a token Northwind made.',
  make: (stage) => {
    const secret = stage.random.pick(COMMON_JWT_SECRETS.slice(0, 24));
    return {
      header: { alg: 'HS256', typ: 'JWT' },
      signing: { kind: 'hs256', secret: new TextEncoder().encode(secret) },
      how: `HMAC-signed with the guessable secret "${secret}"`,
    };
  },
  proof: ['weak-hmac-secret'],
  accepted: ['algorithm-not-allowed'],
  howAccept: ['weak-hmac-secret', 'weak', 'secret'],
});

/** kid path traversal to an empty file: HMAC with an empty key. */
export const kidInjection = forgedTokenScenario({
  id: 'kid-injection',
  title: 'A kid pointing at /dev/null',
  difficulty: 'hard',
  provider: 'keycloak',
  story:
    "The Billing API looks signing keys up on disk by the token's kid. The web application firewall logged nothing unusual, yet admin requests came from an address nobody knows. Find the token and explain why the API accepted it.",
  make: () => ({
    header: { alg: 'HS256', typ: 'JWT', kid: '../../../../../../dev/null' },
    signing: { kind: 'hs256', secret: new Uint8Array(0) },
    how: 'HMAC-signed with an empty key, its kid pointing the key lookup at /dev/null (path traversal)',
  }),
  proof: ['kid-injection', 'empty-hmac-key'],
  accepted: ['algorithm-not-allowed', 'unknown-kid'],
  howAccept: ['kid-injection', 'kid injection', 'dev/null', 'path traversal', 'empty'],
});

/** A jku header pointing at the attacker's key set. */
export const jkuInjection = forgedTokenScenario({
  id: 'jku-injection',
  title: "The attacker's own key set",
  difficulty: 'medium',
  provider: 'okta',
  story:
    'A library upgrade in the Billing API enabled "dynamic key discovery". Since then, an admin token nobody recognises has been used. Find it and say whose keys it trusts.',
  make: () => ({
    header: { alg: 'RS256', typ: 'JWT', kid: 'k1', jku: 'https://keys.cdn-northwind.example/jwks.json' },
    signing: { kind: 'rs256', key: FIXTURE_KEYS.attacker },
    how: "signed by the attacker's own key, published at the jku URL it names (https://keys.cdn-northwind.example/jwks.json)",
  }),
  proof: ['jku-x5u'],
  accepted: ['unknown-kid', 'signature-invalid'],
  howAccept: ['jku', 'x5u', 'cdn-northwind'],
});
