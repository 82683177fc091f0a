import type { PublicJwk } from './public-key';

/**
 * The JSON texts libraries write for a public JWK. Algorithm-confusion forgeries (RFC 8725 §2.1) work whenever a
 * server HMACs with "the key" as a string, and a JWK becomes a string in whatever member order its library keeps,
 * with or without the metadata (kid, use, alg) that the published JWK carried.
 */

/** One JSON text of a JWK, named for evidence. */
export interface JwkSerialisation {
  readonly name: string;
  readonly json: string;
}

/** Required members in the order RFC 7518 §6 / RFC 8037 §2 list them (jose, PyJWT and most libraries keep it). */
const LISTED_ORDER = { RSA: ['kty', 'n', 'e'], EC: ['kty', 'crv', 'x', 'y'], OKP: ['kty', 'crv', 'x'] } as const;
/** Node.js KeyObject.export({ format: 'jwk' }) order (Node 20). */
const NODE_ORDER = { RSA: ['kty', 'n', 'e'], EC: ['kty', 'x', 'y', 'crv'], OKP: ['crv', 'x', 'kty'] } as const;
/** Metadata a server may keep or drop when it turns a published JWK into a string. */
const METADATA = ['kid', 'use', 'alg'];

const sorted = (names: readonly string[]): string[] => [...names].sort();

/**
 * Every distinct JSON text of `jwk` in the member orders real libraries emit — RFC 7638 (lexicographic, also what
 * Go's map encoding and sort_keys give), RFC 7518 listing order, Node.js export order, and the order of the file —
 * each with only the required members, with kid alone, and with all of kid/use/alg the file had; plus the file's
 * JWK with every public member as written. `written` is the JWK as its file wrote it, when it came from one.
 */
export function jwkSerialisations(
  jwk: PublicJwk,
  written?: Readonly<Record<string, unknown>>,
  file = 'its file',
): JwkSerialisation[] {
  const writtenNames = written ? Object.keys(written) : [];
  const value = (name: string): unknown => written?.[name] ?? (jwk as Record<string, unknown>)[name];
  const serialise = (names: readonly string[]): string =>
    `{${names.map((name) => `${JSON.stringify(name)}:${JSON.stringify(value(name))}`).join(',')}}`;
  const required = LISTED_ORDER[jwk.kty];
  const metadata = writtenNames.filter((name) => METADATA.includes(name) && typeof written![name] === 'string');
  const memberSets: [string, string[]][] = [['required members', []]];
  if (metadata.includes('kid') && metadata.length > 1) memberSets.push(['required members + kid', ['kid']]);
  if (metadata.length > 0) memberSets.push([`required members + ${metadata.join(', ')}`, metadata]);
  const orders: [string, (extra: string[]) => string[]][] = [
    ['RFC 7638 member order', (extra) => sorted([...required, ...extra])],
    ['RFC 7518 member order', (extra) => [...required, ...extra]],
    ['Node.js export order', (extra) => [...NODE_ORDER[jwk.kty], ...extra]],
  ];
  if (written)
    orders.push([
      `member order of ${file}`,
      (extra) => writtenNames.filter((name) => (required as readonly string[]).includes(name) || extra.includes(name)),
    ]);
  const texts: JwkSerialisation[] = [];
  for (const [order, namesOf] of orders) {
    for (const [members, extra] of memberSets) {
      // The canonical thumbprint input keeps its historical evidence name.
      const name =
        extra.length === 0 && order === 'RFC 7638 member order'
          ? 'JWK JSON (RFC 7638 member order)'
          : `JWK JSON (${order}; ${members})`;
      texts.push({ name, json: serialise(namesOf(extra)) });
    }
  }
  if (written)
    texts.push({ name: `JWK JSON (as written in ${file}; all public members)`, json: serialise(writtenNames) });
  return texts;
}
