import type { PlantedIncident, ScenarioDefinition } from '../scenario';
import { presentToken, refreshSession, useUntilRefresh } from '../simulation';
import {
  ATTACKER_AGENTS,
  hopsAbroad,
  attackerPlace,
  countryQuestion,
  MINUTE,
  question,
  SECOND,
  victimSession,
} from './incident-kit';

/** A refresh token copied off a phone and redeemed again by the attacker, after the app had already used it. */
export const stolenRefreshToken: ScenarioDefinition = {
  id: 'refresh-token-reuse',
  title: 'A refresh token redeemed twice',
  difficulty: 'medium',
  provider: 'keycloak',
  story:
    "A user's phone was briefly infected by a malicious keyboard app. IAM wants to know whether anything was taken from the Northwind app and used elsewhere.",
  plant(stage): PlantedIncident {
    const session = victimSession(stage, 'mobile');
    const stolen = session.refresh;
    const legitimate = refreshSession(stage.simulation, session, session.at + 2 * MINUTE);
    useUntilRefresh(stage.simulation, session);
    const place = attackerPlace(stage);
    const userAgent = stage.random.pick(ATTACKER_AGENTS);
    // The attacker's copy of the refresh token, redeemed later from abroad: the issuer (no reuse detection) answers.
    const attacker = { ...session, place, refresh: stolen, at: legitimate.ts };
    const reuse = refreshSession(stage.simulation, attacker, legitimate.ts + stage.random.integer(20, 40) * MINUTE, {
      userAgent,
      incident: 'refresh-token-reuse',
    });
    const use = presentToken(stage.simulation, attacker, reuse.ts + 30 * SECOND, {
      userAgent,
      incident: 'refresh-token-reuse',
    });
    const subject = session.person.subject;
    return {
      expected: [
        {
          id: 'refresh-token-reuse',
          tokens: [stolen],
          incident: 'refresh-token-reuse',
          why: `Refresh token ${stolen.jti} was redeemed by the app at ${new Date(legitimate.ts).toISOString()} and again from ${place.city.name} later: one of the two holders is not the app.`,
          evidence: [legitimate, reuse],
        },
      ],
      alsoAccepted: hopsAbroad(session.person, 'The redemption from abroad is also a hop of the session.'),
      timeline: [
        { event: legitimate, what: `The app redeems refresh token ${stolen.jti} normally.` },
        {
          event: reuse,
          what: `The attacker redeems the same refresh token from ${place.city.name} and gets new tokens.`,
        },
        { event: use, what: 'The attacker uses the new access token.' },
      ],
      questions: [
        question('token', 'Which refresh token was stolen (its jti)?', stolen.jti!, [stolen.jti!]),
        question('user', 'Whose session was it (e-mail)?', session.person.email, [session.person.email, subject]),
        countryQuestion('country', 'From which country was it redeemed the second time?', place.city),
      ],
    };
  },
};

/** An access token lifted from a laptop and used from another continent while its owner keeps working. */
export const impossibleTravel: ScenarioDefinition = {
  id: 'impossible-travel',
  title: 'One session, two continents',
  difficulty: 'easy',
  provider: 'okta',
  story:
    'A user clicked a link in a convincing "shared document" e-mail this morning and typed nothing. Security wants to know whether the session was hijacked.',
  plant(stage): PlantedIncident {
    const session = victimSession(stage, 'web');
    refreshSession(stage.simulation, session, session.at + MINUTE);
    const lastHome = presentToken(stage.simulation, session, session.at + 20 * SECOND);
    const place = attackerPlace(stage);
    const userAgent = stage.random.pick(ATTACKER_AGENTS);
    const stolen = session.access;
    const abroad = [1, 2, 3].map((step) =>
      presentToken(stage.simulation, session, lastHome.ts + step * stage.random.integer(4, 7) * MINUTE, {
        ip: place.ipv4,
        city: place.city,
        userAgent,
        incident: 'impossible-travel',
      }),
    );
    const subject = session.person.subject;
    return {
      expected: [
        {
          id: 'impossible-travel',
          subject,
          incident: 'impossible-travel',
          why: `${session.person.email} used the session in ${session.person.home.name} and, minutes later, from ${place.city.name}: no one travels that fast.`,
          evidence: [lastHome, abroad[0]!],
        },
      ],
      alsoAccepted: [
        { id: 'replay', tokens: [stolen], why: 'The stolen access token was used from a second address and tool.' },
        { id: 'country-change', subject, why: 'The same hop, seen as a change of country.' },
      ],
      timeline: [
        { event: lastHome, what: `${session.person.email} works normally from ${session.person.home.name}.` },
        { event: abroad[0]!, what: `The same access token (${stolen.jti}) is used from ${place.city.name}.` },
      ],
      questions: [
        question('user', 'Whose session was hijacked (e-mail)?', session.person.email, [session.person.email, subject]),
        countryQuestion('country', 'From which country did the attacker use it?', place.city),
        question('token', 'Which access token was stolen (its jti)?', stolen.jti!, [stolen.jti!]),
      ],
    };
  },
};
