/**
 * # Tokentrail timeline (core/timeline)
 *
 * Correlates normalized events by token hash, jti, session, refresh chain and subject; rebuilds each token's
 * lifecycle; runs the detectors of docs/detectors.md. Pure TypeScript, synchronous, linear after one sort: meant to run
 * in a web worker over events read from the store, or in the CLI over events held in memory.
 *
 * ```ts
 * const analysis = createTimelineAnalysis({ tokens: analyses.map(tokenFactsFromAnalysis), tokenFindings: analyses,
 *   caseConfig, keyHistory, parameters });
 * for (const page of pages) analysis.add(page);          // AuthEvents (with their store `id`)
 * const { findings, lifecycles, families, runs, stats } = analysis.finish();
 * ```
 * Every finding carries a stable `key`, its detector `id`, severity, message and explanation, the token hashes, and
 * the events that prove it (`{ id, ts, kind, source: { file, sha256, line | index }, role }`).
 */
export {
  analyzeTimeline,
  createTimelineAnalysis,
  type TimelineAnalysis,
  type TimelineAnalysisOptions,
} from './analyze-timeline';
export { TIMELINE_DETECTORS, detectorById } from './detectors/registry';
export {
  attributeIdentity,
  attributingToken,
  isPlaceholderIdentity,
  jtiIndex,
  type AttributableEvent,
  type AttributedIdentity,
} from './attribution';
export type { Detector, DetectorContext } from './detectors/detector';
export {
  COMMON_DEFAULTS,
  PARAMETER_PROBLEM_CODES,
  checkParameterOverrides,
  resolveParameters,
  type ParameterProblem,
} from './parameters';
export { PARAMETER_DEFAULTS, checkCaseParameters } from './parameter-defaults';
export { parameterLabel, parameterUnit } from './parameter-labels';
export { shownSubject, tokenClaimSubject, type ShownSubject, type SubjectOrigin } from './claim-subject';
export { tokenFactsFromAnalysis, tokenFactsFromClaims, tokenFactsFromVerdict, type VerdictFacts } from './token-facts';
export type { TokenCheckResult } from './token-check-findings';
export { parseAppVersion, compareAppVersions, type AppVersion } from './util/app-version';
export { greatCircleKm } from './util/great-circle';
export { hopSpeed, isImpossibleHop, type HopEnd, type HopSpeed } from './util/hop-speed';
export { cidrList, type CidrList } from './util/cidr';
export { buildIdentityDirectory, isVerifiedToken } from './identity/build-directory';
export { bestName, subjectIdentity } from './identity/best-name';
export { resolveSubject, type ResolvedSubject } from './identity/resolve-subject';
export type {
  IdentityConflict,
  IdentityDirectory,
  NameKind,
  NameSighting,
  NameSource,
  SubjectIdentity,
} from './identity/directory-types';
export { REFRESH_ID_PREFIX, refreshIdKey } from './refresh-id-lifecycles';
export {
  EVENT_FACETS,
  UNTIMED_SORT_TS,
  activeFacets,
  eventMatcher,
  eventPredicate,
  facetValues,
  isEmptyEventFilter,
  searchText,
  textNeedle,
  type EventFacet,
  type EventFilter,
} from './event-filter';
export * from './types';
export { mayContainText, trigramFilter } from './trigram-filter';
/**
 * Events per block in the app's block layout (renderer/db/event-blocks.ts): block k holds seqs k·EVENTS_PER_BLOCK
 * onwards, so a reader of an archived case (the CLI) numbers a block's events as the app does.
 */
export const EVENTS_PER_BLOCK = 128;
/** The 32-bit string hash the filters use, also the app's posting rows' bucket hash (renderer/db/event-blocks.ts). */
export { fnv1a } from '../util/bloom';
export { BinaryHeap } from '../util/binary-heap';
export { firstIndex } from '../util/first-index';
export { blockEventCount, decodeBlockEvent, encodeBlockEvents, type EncodedBlockEvents } from './block-events';
export { describeTokenLink, type TokenLink } from './hashed-tokens/link-types';
export { caseTokenReferenceFields } from './hashed-tokens/link-fields';
export {
  buildApiProfiles,
  PROFILE_REFS_PER_CELL,
  type ApiProfile,
  type ProfileAnswers,
  type ProfileFlaw,
} from './acceptance/api-profiles';
export { FLAW_CLASSES, FLAW_LABELS, type FlawClass } from './acceptance/flaws';
export { answerOf, pathPrefix } from './acceptance/token-requests';
export { ruleVersions, rulesetFingerprint, type RuleVersion } from './rule-versions';
