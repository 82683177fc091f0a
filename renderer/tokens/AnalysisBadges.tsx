// Colour-coded verdicts and severities, so a column of tokens reads at a glance: green valid, red invalid or
// unsigned, amber no-key; critical findings solid red, high red, medium amber, low blue, info grey.
import type { Severity } from '../../core/token';
import type { SignatureStatus } from '../../core/token';

const VERDICT_TITLE: Record<SignatureStatus, string> = {
  valid: 'The signature verifies with a key of the case',
  invalid:
    'The signature matches none of the keys that fit it, or a conforming verifier rejects the token (see the reason)',
  'no-key': 'No key of the case can verify this token',
  unsupported: 'Not a JWS algorithm Tokentrail verifies (or an encrypted JWE)',
  unsigned: 'alg "none": the token carries no signature',
};

export function SignatureVerdictBadge({
  status,
  testId,
}: {
  readonly status: SignatureStatus | undefined;
  readonly testId?: string;
}) {
  if (!status) {
    return (
      <span className="badge badge-neutral" data-testid={testId} data-verdict="pending" title="Not analysed yet">
        pending
      </span>
    );
  }
  return (
    <span className={`badge sig-${status}`} data-testid={testId} data-verdict={status} title={VERDICT_TITLE[status]}>
      {status}
    </span>
  );
}

export function SeverityBadge({ severity, testId }: { readonly severity: Severity; readonly testId?: string }) {
  return (
    <span className={`badge sev-${severity}`} data-testid={testId} data-severity={severity}>
      {severity}
    </span>
  );
}
