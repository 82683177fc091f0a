// The Tokens tab: the list of distinct tokens beside the selected one decoded.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../db/schema';
import { TokenDetail } from './TokenDetail';
import { TokenList } from './TokenList';

export function TokensTab({ caseId }: { readonly caseId: string }) {
  const tokens = useLiveQuery(() => db.tokens.where('caseId').equals(caseId).sortBy('iat'), [caseId]);
  const [selected, setSelected] = useState<string>();
  if (!tokens) return <div className="loading">Loading tokens…</div>;
  if (tokens.length === 0) {
    return (
      <div className="empty" data-testid="tokens-empty">
        <p><strong>No tokens found in this case yet.</strong></p>
        <p>Tokens are found in every imported file: Authorization headers, cookies, JSON fields and plain text.</p>
      </div>
    );
  }
  const current = tokens.find((token) => token.tokenHash === selected) ?? tokens[0];
  return (
    <div className="tokens-layout">
      <TokenList tokens={tokens} selected={current?.tokenHash} onSelect={setSelected} />
      {current && <TokenDetail token={current} />}
    </div>
  );
}
