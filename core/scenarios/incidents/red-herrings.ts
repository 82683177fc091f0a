import { VPN_EGRESS } from '../geography';
import { ACCESS_LIFETIME_SECONDS } from '../organisation';
import type { PlantedIncident, ScenarioDefinition } from '../scenario';
import { presentToken, refreshSession } from '../simulation';
import { MINUTE, question, SECOND, victimSession } from './incident-kit';

/** A user who switches on the company VPN: Frankfurt to Virginia in two minutes, and nothing wrong. */
export const vpnHop: ScenarioDefinition = {
  id: 'vpn-hop',
  title: 'Frankfurt to Virginia in two minutes',
  difficulty: 'medium',
  provider: 'okta',
  story:
    'A manager forwarded a screenshot: "my account was used in the US this morning!". Decide whether the session was taken over.',
  plant(stage): PlantedIncident {
    const session = victimSession(stage, 'web');
    const home = presentToken(stage.simulation, session, session.at + 20 * SECOND);
    const vpnPlace = { city: VPN_EGRESS.city, ipv4: VPN_EGRESS.city.ipv4[0]! };
    const hop = refreshSession(stage.simulation, session, home.ts + 2 * MINUTE, {
      place: vpnPlace,
      incident: 'vpn-hop',
    });
    const later = presentToken(stage.simulation, session, hop.ts + MINUTE, { incident: 'vpn-hop' });
    const subject = session.person.subject;
    const why = `The US address ${VPN_EGRESS.city.ipv4[0]} is Northwind's own VPN egress (${VPN_EGRESS.range}, excluded in case-config.json): the user switched the VPN on.`;
    return {
      expected: [],
      mustNotReport: [
        { id: 'impossible-travel', subject, why },
        { id: 'country-change', subject, why },
      ],
      timeline: [
        { event: home, what: `${session.person.email} works from ${session.person.home.name}.` },
        { event: hop, what: `The same device refreshes its tokens through the VPN egress in ${VPN_EGRESS.city.name}.` },
        { event: later, what: 'Work goes on through the VPN, same device, same user agent.' },
      ],
      questions: [
        question('taken-over', 'Was the session taken over (yes or no)?', 'no'),
        question('why', 'What explains the US address?', `the company VPN egress ${VPN_EGRESS.range}`, ['vpn']),
      ],
    };
  },
};

/**
 * A laptop whose clock runs 50 s fast: its HAR shows the token used after it expired, the server saw it in time.
 */
export const clockSkew: ScenarioDefinition = {
  id: 'clock-skew',
  title: 'Used after it expired?',
  difficulty: 'medium',
  provider: 'keycloak',
  story:
    'A developer attached a HAR capture to a ticket: "the API accepted my token after it expired, that is a vulnerability". Decide whether it is.',
  plant(stage): PlantedIncident {
    const session = victimSession(stage, 'web', { device: { captured: true, clockSkewMs: 50 * SECOND } });
    const token = session.access;
    const lastInTime = presentToken(
      stage.simulation,
      session,
      session.accessIat + (ACCESS_LIFETIME_SECONDS - 10) * SECOND,
      {
        incident: 'clock-skew',
      },
    );
    const subject = session.person.subject;
    const why =
      'The capture is timed by the laptop, whose clock runs 50 s fast; the gateway received the request 10 s before exp, within the tolerated skew.';
    refreshSession(stage.simulation, session, lastInTime.ts + 5 * SECOND);
    return {
      expected: [],
      mustNotReport: [
        { id: 'use-after-expiry', subject, why },
        { id: 'used-after-exp', why },
      ],
      timeline: [
        {
          event: lastInTime,
          what: `The gateway receives ${token.jti} 10 s before it expires; the HAR says 40 s after.`,
        },
      ],
      questions: [
        question('vulnerability', 'Did the API accept an expired token (yes or no)?', 'no'),
        question('why', 'What explains the capture?', "the laptop's clock runs about 50 s fast", ['clock', 'skew']),
      ],
    };
  },
};
