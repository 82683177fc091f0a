import { FIXTURE_KEYS } from '../fixture-keys';
import { apiOf, CURRENT_KID, mintAccessToken, RETIRED_KID } from '../organisation';
import type { TokenSigning } from '../compact-jws';

import type { PlantedIncident, ScenarioDefinition, Stage } from '../scenario';
import { presentToken, type Session } from '../simulation';
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

/**
 * An access token for the victim's web session, shaped as the issuer mints them (RS256, `at+jwt`, both APIs), issued
 * at `iat` under `kid`; `signing` chooses another key than the issuer's current one.
 */
function webAccessToken(stage: Stage, victim: Session, iat: number, kid: string, signing?: TokenSigning) {
  return mintAccessToken(
    stage.simulation.signer,
    {
      sub: victim.person.subject,
      sid: victim.sessionId,
      clientId: 'nw-web',
      audiences: ['orders-api', 'reports-api'],
      iat,
      jti: `at-${stage.random.hex(16)}`,
    },
    { header: { alg: 'RS256', typ: 'at+jwt', kid }, ...(signing ? { signing } : {}) },
  );
}

/** A token signed by the key retired at the rotation, minted after it: someone still holds the old private key. */
export const retiredKey: ScenarioDefinition = {
  id: 'retired-key',
  title: 'A token from the old key',
  difficulty: 'medium',
  provider: 'entra',
  story:
    'Northwind rotated its signing key on 2 November and destroyed the old one — or so the runbook says. An auditor found a reports export this week made with a token that "looks different". Find out what is wrong with it.',
  plant(stage): PlantedIncident {
    const victim = victimSession(stage, 'web');
    const at = victim.at + stage.random.integer(10, 40) * MINUTE;
    const token = webAccessToken(stage, victim, at - MINUTE, RETIRED_KID, {
      kind: 'rs256',
      key: FIXTURE_KEYS.issuerRetired,
    });
    const place = attackerPlace(stage);
    const forger = forgerContext(stage, victim.person, token, place, at);
    const userAgent = stage.random.pick(ATTACKER_AGENTS);
    const uses = [0, 1].map((step) =>
      presentToken(stage.simulation, forger, at + step * 3 * MINUTE, {
        api: apiOf('reports-api'),
        path: 'v1/export',
        userAgent,
        incident: 'retired-key',
      }),
    );
    const why = `Token ${token.jti} verifies with ${RETIRED_KID}, retired at the rotation, yet its iat is after it.`;
    return {
      expected: [
        { id: 'retired-key-signature', tokens: [token], incident: 'retired-key', why, evidence: uses },
        { id: 'key-outside-validity', tokens: [token], incident: 'retired-key', why, evidence: uses },
      ],
      alsoAccepted: [
        { id: 'token-never-issued', tokens: [token], why: 'The token service never issued it.' },
        { id: 'bad-token-accepted', tokens: [token], why: 'The API accepted a token signed by a retired key.' },
        ...hopsAbroad(victim.person, `The token names ${victim.person.email}'s session and was used abroad.`),
      ],
      timeline: [
        {
          event: uses[0]!,
          what: `A token signed by the retired key ${RETIRED_KID} exports reports from ${place.city.name}.`,
        },
      ],
      questions: [
        question('kid', 'Which key signed the token (kid)?', RETIRED_KID),
        question('state', 'Should that key still sign tokens (yes or no)?', 'no'),
        countryQuestion('country', 'From which country was the export requested?', place.city),
      ],
    };
  },
};

/** A token with a valid signature of the current key that the token service never issued. */
export const keyCompromise: ScenarioDefinition = {
  id: 'key-compromise',
  title: 'A perfect token nobody issued',
  difficulty: 'hard',
  provider: 'auth0',
  story:
    'A CI runner with access to the signing service was found running an unknown binary. Every token in the logs verifies. Find out whether anything the issuer did not make was used.',
  plant(stage): PlantedIncident {
    const victim = victimSession(stage, 'web');
    const at = victim.at + stage.random.integer(10, 40) * MINUTE;
    const token = webAccessToken(stage, victim, at - 2 * MINUTE, CURRENT_KID);
    const place = attackerPlace(stage);
    const forger = forgerContext(stage, victim.person, token, place, at);
    const userAgent = stage.random.pick(ATTACKER_AGENTS);
    const uses = [0, 1, 2].map((step) =>
      presentToken(stage.simulation, forger, at + step * 2 * MINUTE, {
        api: apiOf('orders-api'),
        path: 'v2/items',
        userAgent,
        incident: 'key-compromise',
      }),
    );
    return {
      expected: [
        {
          id: 'token-never-issued',
          tokens: [token],
          incident: 'key-compromise',
          why: `Token ${token.jti} verifies with the current key ${CURRENT_KID}, but the token service never issued it: the private key is in other hands.`,
          evidence: uses,
        },
      ],
      alsoAccepted: hopsAbroad(victim.person, `The token names ${victim.person.email}'s session and was used abroad.`),
      timeline: [
        {
          event: uses[0]!,
          what: `A validly signed token the issuer never made (${token.jti}) is used from ${place.city.name}.`,
        },
      ],
      questions: [
        question('token', 'Which token was never issued (its jti)?', token.jti!, [token.jti!]),
        question(
          'cause',
          'Its signature is valid. What is the likely cause: forgery, key compromise or a log gap?',
          'key compromise',
          ['compromise', 'stolen key', 'leaked key'],
        ),
        countryQuestion('country', 'From which country was it used?', place.city),
      ],
    };
  },
};
