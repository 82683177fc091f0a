import type { HashedTokenForm } from './link-types';
import { hexToBase64Url } from './token-digests';
import { firstIndex } from '../../util/first-index';

/**
 * The shortest prefix linked: 16 hex characters (64 bits) or 12 base64url characters (72 bits). Shorter prefixes are
 * what request and trace ids look like (8 hex digits = 32 bits collide by chance from ~65,000 tokens on); at 64 bits a
 * million tokens against ten million logged values still leave a chance collision below one in a million.
 */
export const MIN_HEX_PREFIX = 16;
/** See {@link MIN_HEX_PREFIX}. */
export const MIN_BASE64URL_PREFIX = 12;

const HEX_LENGTH = 64;
const BASE64URL_LENGTH = 43;

interface Digest {
  readonly key: string;
  readonly tokenHash: string;
  readonly form: HashedTokenForm;
}

/** A logged value matched to one token. */
export interface HashMatch {
  readonly tokenHash: string;
  readonly form: HashedTokenForm;
  readonly encoding: 'hex' | 'base64url';
  /** The value's length when it was a truncated prefix. */
  readonly prefixLength?: number;
}

/** What a logged value resolved to: one token, several (ambiguous: not linked), or none. */
export type HashLookup = { readonly match: HashMatch } | { readonly ambiguous: number } | undefined;

/** The digests of every known token, sorted per encoding so a prefix is found by binary search. */
export class HashedTokenIndex {
  private readonly hex: Digest[] = [];
  private readonly base64url: Digest[] = [];
  private readonly seen = new Set<string>();
  private sorted = true;

  constructor(private readonly forms: ReadonlySet<HashedTokenForm>) {}

  /** Add one token's digests (a token added twice is kept once). */
  add(tokenHash: string, signatureSha256: string | undefined): void {
    if (this.seen.has(tokenHash)) return;
    this.seen.add(tokenHash);
    this.sorted = false;
    const digests: [string, HashedTokenForm][] = [];
    if (this.forms.has('token')) digests.push([tokenHash, 'token']);
    if (this.forms.has('signature') && signatureSha256 !== undefined) digests.push([signatureSha256, 'signature']);
    for (const [hex, form] of digests) {
      this.hex.push({ key: hex, tokenHash, form });
      this.base64url.push({ key: hexToBase64Url(hex), tokenHash, form });
    }
  }

  /** Whether any digest is indexed. */
  get size(): number {
    return this.seen.size;
  }

  /**
   * The token a logged value names: the value is read as hex (case-insensitive) and as base64url (standard base64's
   * `+/=` accepted), whole or as a prefix of at least the minimum length. A `sha256:` label is ignored. O(log n).
   */
  lookup(raw: string): HashLookup {
    if (!this.sorted) {
      const order = (a: Digest, b: Digest) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      this.hex.sort(order);
      this.base64url.sort(order);
      this.sorted = true;
    }
    const value = raw.trim().replace(/^sha-?256[:=]/i, '');
    if (value.length < MIN_BASE64URL_PREFIX || value.length > HEX_LENGTH) return undefined;
    const found = new Map<string, HashMatch>();
    if (value.length >= MIN_HEX_PREFIX && /^[0-9a-fA-F]+$/.test(value))
      collect(this.hex, value.toLowerCase(), 'hex', HEX_LENGTH, found);
    let end = value.length;
    while (end > 0 && value[end - 1] === '=') end--;
    if (end <= BASE64URL_LENGTH) {
      let base64 = value.slice(0, end);
      // Standard base64 (`+/`) of the same digest is accepted too.
      if (base64.includes('+') || base64.includes('/')) base64 = base64.replace(/\+/g, '-').replace(/\//g, '_');
      if (base64.length >= MIN_BASE64URL_PREFIX && /^[A-Za-z0-9_-]+$/.test(base64))
        collect(this.base64url, base64, 'base64url', BASE64URL_LENGTH, found);
    }
    if (found.size === 0) return undefined;
    if (found.size > 1) return { ambiguous: found.size };
    return { match: [...found.values()][0]! };
  }
}

/** Every digest starting with `value` (stops once two tokens are found: that is already ambiguous). */
function collect(
  sorted: readonly Digest[],
  value: string,
  encoding: HashMatch['encoding'],
  fullLength: number,
  found: Map<string, HashMatch>,
): void {
  const low = firstIndex(0, sorted.length, (index) => sorted[index]!.key < value);
  for (let at = low; at < sorted.length && sorted[at]!.key.startsWith(value); at++) {
    const digest = sorted[at]!;
    if (!found.has(digest.tokenHash))
      found.set(digest.tokenHash, {
        tokenHash: digest.tokenHash,
        form: digest.form,
        encoding,
        ...(value.length < fullLength ? { prefixLength: value.length } : {}),
      });
    if (found.size > 1) return;
  }
}
