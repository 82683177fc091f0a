// The verdict on a case's custody chain (checkCustodyChain, core): intact, or what is wrong and the first entry where
// it breaks. Shown live by the Evidence tab's custody log and on demand by the Journal's *Verify chain*.
import { checkCustodyChain, type CustodyAnchor, type CustodyChainCheck } from '../../core/evidence';
import type { CustodyEntry } from '../../core/evidence';
import { plural, shortHash } from '../shell/format';

/** What is wrong with a broken chain, naming the first entry that does not fit when there is one. */
export function brokenChainMessage(chain: Extract<CustodyChainCheck, { intact: false }>): string {
  const recorded = chain.anchor
    ? `the case records ${plural(chain.anchor.length, 'entry', 'entries')} (head ${shortHash(chain.anchor.headHash, 12)}…)`
    : '';
  switch (chain.problem) {
    case 'altered':
      return `Chain broken at entry #${chain.brokenAt}: the record was altered after it was written`;
    case 'length':
      return `Chain broken: ${plural(chain.present, 'entry', 'entries')} present, ${recorded}`;
    case 'head':
      return `Chain broken: the last entry #${chain.brokenAt} is not the one the case recorded; ${recorded}`;
    case 'unanchored':
      return `Chain broken: ${plural(chain.present, 'entry', 'entries')} present, but the case records no anchor for its chain`;
  }
}

/** The chain of `entries` checked against the case's anchor, as one line. */
export function ChainStatus({
  entries,
  anchor,
  testId = 'chain-status',
}: {
  readonly entries: readonly CustodyEntry[];
  readonly anchor: CustodyAnchor | undefined;
  readonly testId?: string;
}) {
  const chain = checkCustodyChain(entries, anchor);
  const since = chain.anchor?.anchoredBy === 'upgrade' ? ' · anchored when the store was upgraded' : '';
  return chain.intact ? (
    <span
      className="chain chain-ok"
      data-testid={testId}
      data-intact="true"
      title={chain.anchor ? `head ${chain.anchor.headHash}` : undefined}
    >
      ✓ Chain intact · {plural(entries.length, 'entry', 'entries')}
      {since}
    </span>
  ) : (
    <span
      className="chain chain-broken"
      data-testid={testId}
      data-intact="false"
      data-problem={chain.problem}
      role="alert"
    >
      ✗ {brokenChainMessage(chain)}
    </span>
  );
}
