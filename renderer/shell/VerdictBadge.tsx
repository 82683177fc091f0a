// One look tells whether a file or bundle can be trusted: green matches, red mismatches, grey generated.
const TONE: Record<string, 'good' | 'bad' | 'warn' | 'neutral'> = {
  match: 'good',
  verified: 'good',
  intact: 'good',
  'size-mismatch': 'bad',
  'hash-mismatch': 'bad',
  mismatch: 'bad',
  altered: 'bad',
  rejected: 'bad',
  missing: 'bad',
  unlisted: 'warn',
  generated: 'neutral',
};

export function VerdictBadge({ verdict, testId }: { readonly verdict: string; readonly testId?: string }) {
  return (
    <span className={`badge badge-${TONE[verdict] ?? 'neutral'}`} data-testid={testId} data-verdict={verdict}>
      {verdict}
    </span>
  );
}
