import { apiOf } from '../organisation';
import type { PlantedIncident, ScenarioDefinition } from '../scenario';
import { presentToken, refreshSession } from '../simulation';
import { MINUTE, question, victimSession } from './incident-kit';

/** An old app build, below the minimum, still obtaining tokens. */
export const outdatedClient: ScenarioDefinition = {
  id: 'outdated-client',
  title: 'A build that should not exist any more',
  difficulty: 'easy',
  provider: 'okta',
  story:
    'App 4.x had a certificate-pinning flaw and was blocked from the store; everyone must run 5.0.0 or later. The mobile team wants to know whether any 4.x build still gets tokens.',
  plant(stage): PlantedIncident {
    const session = victimSession(stage, 'mobile', { device: { appVersion: '4.9.1' } });
    const refresh = refreshSession(stage.simulation, session, session.at + MINUTE, { incident: 'outdated-client' });
    const subject = session.person.subject;
    return {
      expected: [
        {
          id: 'outdated-client',
          subject,
          incident: 'outdated-client',
          why: `${session.person.email}'s phone refreshed its tokens with app 4.9.1, below the minimum 5.0.0.`,
          evidence: [refresh],
        },
      ],
      timeline: [{ event: refresh, what: `App 4.9.1 on ${session.person.email}'s phone refreshes its tokens.` }],
      questions: [
        question('version', 'Which app version is outdated?', '4.9.1'),
        question('user', 'Whose device runs it (e-mail)?', session.person.email, [session.person.email, subject]),
      ],
    };
  },
};

/** A web-app token (orders, reports) forwarded by an integration to the Billing API. */
export const audienceMisuse: ScenarioDefinition = {
  id: 'audience-misuse',
  title: 'A token for another API',
  difficulty: 'medium',
  provider: 'entra',
  story:
    'A reporting integration was given "read access to orders". Billing saw calls from it this morning. Find out with what authority the integration reached Billing.',
  plant(stage): PlantedIncident {
    const session = victimSession(stage, 'web');
    refreshSession(stage.simulation, session, session.at + MINUTE);
    const token = session.access;
    const uses = [1, 2].map((step) =>
      presentToken(stage.simulation, session, session.at + step * 2 * MINUTE, {
        api: apiOf('billing-api'),
        path: 'v1/invoices',
        incident: 'audience-misuse',
      }),
    );
    return {
      expected: [
        {
          id: 'audience-misuse',
          tokens: [token],
          incident: 'audience-misuse',
          why: `Token ${token.jti} is for orders-api and reports-api, yet it was presented to the Billing API.`,
          evidence: uses,
        },
      ],
      alsoAccepted: [
        { id: 'audience-not-allowed', tokens: [token], why: 'The token check of the same misuse.' },
        {
          id: 'bad-token-accepted',
          tokens: [token],
          why: 'The Billing API answered the misdirected token with success.',
        },
      ],
      timeline: [
        { event: uses[0]!, what: `Token ${token.jti} (audiences orders-api, reports-api) calls the Billing API.` },
      ],
      questions: [
        question('api', 'Which API received a token not meant for it?', 'Billing API', ['billing']),
        question('token', 'Which token (its jti)?', token.jti!, [token.jti!]),
      ],
    };
  },
};
