// What would make a detector that could not judge (its run's `skipped` reason) judgeable, and which action of the
// app does it. Every "not judged" line shows this remedy and, where the app has one, the button that acts.

/** What the button next to a "not judged" line does. */
export type RemedyAction =
  /** Load an MMDB geolocation database (then the logs are parsed again with it). */
  | 'load-geolocation'
  /** Add evidence files to the case (an issuance log, a key history, logout or revocation records…). */
  | 'add-evidence'
  /** Open the detector parameters of the case. */
  | 'set-parameter'
  /** Open the Tokens tab, where the token analysis runs. */
  | 'analyse-tokens';

/** The remedy of one detector that could not judge. */
export interface Remedy {
  /** One sentence: what would make it judgeable. */
  readonly text: string;
  readonly action?: RemedyAction;
  /** The button's label, when there is an action. */
  readonly label?: string;
}

const ADD = { action: 'add-evidence', label: 'Add evidence…' } as const;

const REMEDIES: Readonly<Record<string, Remedy>> = {
  'impossible-travel': {
    text: 'Load an offline geolocation database (an MMDB file such as DB-IP City Lite) so each IP gets a place; the logs are then parsed again with it.',
    action: 'load-geolocation',
    label: 'Load geolocation database…',
  },
  'country-change': {
    text: 'Load an offline geolocation database (an MMDB file) so each IP gets a country, or add logs that record the country.',
    action: 'load-geolocation',
    label: 'Load geolocation database…',
  },
  'outdated-client': {
    text: 'Set the lowest acceptable app version (parameter "minimumVersion", or "minimumAppVersion" in case-config.json).',
    action: 'set-parameter',
    label: 'Set detector parameters',
  },
  'audience-misuse': {
    text: 'Describe the APIs and the audiences they accept in the bundle\'s case-config.json ("apis"), then import the bundle.',
    ...ADD,
  },
  'retired-key-signature': {
    text: "Add the issuer's key-rotation history (JWKS snapshots or a key history file) to the evidence.",
    ...ADD,
  },
  'token-never-issued': {
    text: "Add the identity provider's issuance log (issue, login, refresh or set-cookie events) to the evidence.",
    ...ADD,
  },
  'use-after-expiry': {
    text: "Let the token analysis finish: it reads each token's exp claim.",
    action: 'analyse-tokens',
    label: 'Open Tokens',
  },
  'use-after-logout': { text: 'Add logs that record logouts (identity provider or application logs).', ...ADD },
  'use-after-revocation': {
    text: "Add logs that record token revocations (the identity provider's audit log).",
    ...ADD,
  },
  'refresh-token-reuse': {
    text: 'Add identity-provider logs that name the refresh token each refresh redeemed (Keycloak "refresh_token_id").',
    ...ADD,
  },
};

/** The remedy for `detectorId`, or a generic one (add evidence) for a detector without its own. */
export function notJudgedRemedy(detectorId: string): Remedy {
  return REMEDIES[detectorId] ?? { text: 'Add evidence that holds what this detector reads.', ...ADD };
}
