import type { EvidenceLocation } from '../types';

/**
 * The records of the identity directory: who each subject id is, as far as the evidence names them. Plain readonly
 * arrays (no Map), so a worker can post the directory and a report can embed it as it is.
 */

/** What a name is: a login (`preferred_username`, Okta `alternateId`, Entra UPN…), an e-mail address, a display name. */
export type NameKind = 'username' | 'email' | 'displayName';

/**
 * Where a name comes from. `log`: the identity provider's or the service's own record. `verified-token`: a claim
 * of a token whose signature verified with a case key and no forgery check fired. `token-claim`: a claim of a token
 * that is unverified, unsigned or forged — only what the token says, never who the person is.
 */
export type NameSource = 'log' | 'verified-token' | 'token-claim';

/** One name of one subject from one kind of source, with where and when it was first seen and how often. */
export interface NameSighting {
  readonly kind: NameKind;
  readonly value: string;
  readonly source: NameSource;
  /** False for `token-claim` only: the name is a claim, not an established identity. */
  readonly verified: boolean;
  /** Events (per token, for claims) that carry the name for this subject. */
  readonly count: number;
  /** The first event (in time order; untimed events last) that carries the name. */
  readonly first: { readonly ts: number | null; readonly source: EvidenceLocation };
  /** Time of the last timed event that carries it; null when none has a time. */
  readonly lastTs: number | null;
  /** For token names: the first token that carried it (its SHA-256), to open the token. */
  readonly tokenHash?: string;
}

/** Every name seen for one subject id (the events' `subject`, the tokens' `sub`). */
export interface SubjectIdentity {
  readonly subject: string;
  /** Usernames, then e-mails, then display names; within a kind verified before claims, most seen first. */
  readonly names: readonly NameSighting[];
}

/**
 * A fact worth showing: one subject under several usernames or e-mails (`several-names`: a renamed account, or a
 * token naming someone else), or one username or e-mail on several subjects (`shared-name`: a shared or recreated
 * account, or a forged token that borrows a real person's name). Names are compared without regard to case.
 */
export interface IdentityConflict {
  readonly kind: 'several-names' | 'shared-name';
  readonly nameKind: 'username' | 'email';
  /** The subject ids involved, sorted. */
  readonly subjects: readonly string[];
  /** The names involved, as first written, sorted. */
  readonly values: readonly string[];
  /** True when one side of the conflict rests only on unverified token claims: look at those tokens first. */
  readonly involvesClaims: boolean;
}

/** The identity directory of a case: every subject with its names, and the conflicts among them. */
export interface IdentityDirectory {
  /** Sorted by subject id. */
  readonly subjects: readonly SubjectIdentity[];
  readonly conflicts: readonly IdentityConflict[];
}
