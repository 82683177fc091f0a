import { sha256HexOfText } from '../evidence/sha256';
import { TOKEN_CHECKS } from '../token/checks/registry';
import { canonicalJson } from '../util/canonical-json';
import { TOOL_VERSION } from '../version';
import { TIMELINE_DETECTORS } from './detectors/registry';

/** The version of one rule (a token check or a timeline detector) as it ran. */
export interface RuleVersion {
  readonly kind: 'check' | 'detector';
  readonly id: string;
  readonly title: string;
  /**
   * `<tool version>+<12 hex>`: rules ship with the tool, so the tool version names their code; the suffix is the
   * SHA-256 of the rule's definition (title, severity, references, and a detector's description and parameter
   * defaults), so a changed definition shows even between two builds that carry the same version number.
   */
  readonly version: string;
}

function versionOf(definition: object): string {
  return `${TOOL_VERSION}+${sha256HexOfText(canonicalJson(definition)).slice(0, 12)}`;
}

/** Every rule this build runs, checks first, each with its version (docs/checks.md, docs/detectors.md). */
export function ruleVersions(): RuleVersion[] {
  const checks = TOKEN_CHECKS.map(({ id, title, severity, references }) => ({
    kind: 'check' as const,
    id,
    title,
    version: versionOf({ id, title, severity, references }),
  }));
  const detectors = TIMELINE_DETECTORS.map(({ id, title, description, severity, defaults, references }) => ({
    kind: 'detector' as const,
    id,
    title,
    version: versionOf({ id, title, description, severity, defaults, references }),
  }));
  return [...checks, ...detectors];
}

/** One fingerprint of the whole rule set: the SHA-256 of every rule's id and version, in order. */
export function rulesetFingerprint(rules: readonly RuleVersion[] = ruleVersions()): string {
  return sha256HexOfText(canonicalJson(rules.map(({ kind, id, version }) => [kind, id, version])));
}
