/**
 * App versions as apps log them: semver (`5.2.0`, `5.0.0-beta.2`, `v5.1`), semver with a build
 * (`5.2.0+1234`, `5.2.0 (1234)`, `5.2.0 build 1234`), or a bare build number (`1234`).
 */
export interface AppVersion {
  readonly text: string;
  /** Dotted numeric core: `5.2.0` → [5, 2, 0]; a bare build number is a one-part core. */
  readonly core: readonly number[];
  /** Semver pre-release identifiers (`beta.2` → ['beta', '2']); a pre-release sorts before its release. */
  readonly prerelease: readonly string[];
  /** Build number, when the version carries one. */
  readonly build?: number;
}

// Matched against the trimmed text, so no two runs of spaces sit side by side (that would backtrack quadratically).
const PATTERN = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\s*(?:\+|\(|build|b)\s*(\d+)\)?)?$/i;

/** Read an app version, or undefined when it is not one of the shapes above. */
export function parseAppVersion(text: string): AppVersion | undefined {
  const match = PATTERN.exec(text.trim());
  if (!match) return undefined;
  const core = match[1]!.split('.').map(Number);
  if (core.some((part) => !Number.isSafeInteger(part))) return undefined;
  return {
    text,
    core,
    prerelease: match[2] ? match[2].split('.') : [],
    ...(match[3] !== undefined ? { build: Number(match[3]) } : {}),
  };
}

/**
 * Compare two versions: negative when `a` is older. Cores compare part by part (missing parts are 0); on equal cores
 * a pre-release is older than the release (semver §11); on equal cores and pre-releases, build numbers compare
 * when both have one (semver ignores build metadata, but mobile apps ship fixes as new builds of one version).
 */
export function compareAppVersions(a: AppVersion, b: AppVersion): number {
  const length = Math.max(a.core.length, b.core.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.core[i] ?? 0) - (b.core[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (a.prerelease.length === 0 && b.prerelease.length > 0) return 1;
  if (a.prerelease.length > 0 && b.prerelease.length === 0) return -1;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const diff = numeric
      ? Number(x) - Number(y)
      : /^\d+$/.test(x)
        ? -1
        : /^\d+$/.test(y)
          ? 1
          : x < y
            ? -1
            : x > y
              ? 1
              : 0;
    if (diff !== 0) return diff;
  }
  if (a.build !== undefined && b.build !== undefined) return a.build - b.build;
  return 0;
}
