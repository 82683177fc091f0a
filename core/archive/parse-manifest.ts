import { isSha256Hex } from '../evidence/sha256';
import { ArchiveError } from './errors';
import { evidenceEntryName, isTableName, tableEntryName } from './entry-names';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_MANIFEST_NAME,
  CUSTODY_TABLE,
  type ArchiveEntry,
  type ArchiveManifest,
} from './types';

type Json = Record<string, unknown>;

function fail(why: string): never {
  throw new ArchiveError(
    'archive-manifest',
    `${ARCHIVE_MANIFEST_NAME} ${why}; the archive is refused whole`,
    ARCHIVE_MANIFEST_NAME,
  );
}

function object(value: unknown, where: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`: ${where} is not an object`);
  return value as Json;
}

function array(value: unknown, where: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(`: ${where} is not a list`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') fail(`: ${where} is not a string`);
  return value;
}

function count(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(`: ${where} is not a count`);
  return value;
}

function digest(value: unknown, where: string): string {
  if (!isSha256Hex(value)) fail(`: ${where} is not a lower-case hex SHA-256`);
  return value;
}

function unique(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) fail(`lists the ${what} "${name}" twice`);
    seen.add(name);
  }
}

/** Every entry the manifest lists, by name, checked field by field. */
function parseEntries(value: unknown): Map<string, ArchiveEntry> {
  const entries = array(value, 'entries').map((item, index) => {
    const entry = object(item, `entries[${index}]`);
    return {
      name: text(entry.name, `entries[${index}].name`),
      size: count(entry.size, `entries[${index}].size`),
      sha256: digest(entry.sha256, `entries[${index}].sha256`),
    };
  });
  unique(
    entries.map((entry) => entry.name),
    'entry',
  );
  return new Map(entries.map((entry) => [entry.name, entry]));
}

/** Tables and evidence must name their entries canonically, and together use every listed entry exactly once. */
function checkReferences(manifest: ArchiveManifest, entries: Map<string, ArchiveEntry>): void {
  const used = new Set<string>();
  const use = (name: string, expected: string, what: string): ArchiveEntry => {
    if (name !== expected) fail(`names the entry of ${what} "${name}", not "${expected}"`);
    const entry = entries.get(name);
    if (!entry) fail(`names the entry "${name}" for ${what} but does not list it in entries`);
    used.add(name);
    return entry;
  };
  manifest.tables.forEach((table) => use(table.entry, tableEntryName(table.name), `table ${table.name}`));
  manifest.evidence.forEach((file, index) => {
    const entry = use(file.entry, evidenceEntryName(index), `evidence file ${file.path}`);
    if (entry.size !== file.size || entry.sha256 !== file.sha256)
      fail(`gives evidence file "${file.path}" another size or SHA-256 than its entry "${entry.name}"`);
  });
  const orphan = [...entries.keys()].find((name) => !used.has(name));
  if (orphan !== undefined) fail(`lists the entry "${orphan}" that is neither a table nor an evidence file`);
  if (!manifest.tables.some((table) => table.name === CUSTODY_TABLE)) fail(`has no "${CUSTODY_TABLE}" table`);
  const custodyRows = manifest.tables.find((table) => table.name === CUSTODY_TABLE)!.rows;
  if (custodyRows !== manifest.custody.length)
    fail(`anchors ${manifest.custody.length} custody entries but its custody table has ${custodyRows} rows`);
}

/**
 * Parse and check a case archive's manifest: the format and version, every field's type, and its consistency with
 * itself (entries named once, every table and evidence file pointing at a listed entry of the canonical name and
 * together using all of them, the custody anchor's length equal to the custody table's rows). Throws
 * `ArchiveError('archive-manifest')` naming the first field that is wrong.
 */
export function parseArchiveManifest(bytes: Uint8Array): ArchiveManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    fail(`is not valid JSON (${(error as Error).message})`);
  }
  const root = object(parsed, 'the manifest');
  if (root.format !== ARCHIVE_FORMAT)
    fail(`is not a Tokentrail case archive manifest (format "${String(root.format)}")`);
  if (root.formatVersion !== ARCHIVE_FORMAT_VERSION)
    fail(`is format version ${String(root.formatVersion)}; this Tokentrail reads version ${ARCHIVE_FORMAT_VERSION}`);
  if (root.producer !== 'app' && root.producer !== 'cli') fail(': producer is neither "app" nor "cli"');
  const caseInfo = object(root.case, 'case');
  const custody = object(root.custody, 'custody');
  const body = object(root.body, 'body');
  const entries = parseEntries(root.entries);
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    toolVersion: text(root.toolVersion, 'toolVersion'),
    producer: root.producer,
    case: { id: text(caseInfo.id, 'case.id'), title: text(caseInfo.title, 'case.title') },
    createdAt: count(root.createdAt, 'createdAt'),
    createdBy: text(root.createdBy, 'createdBy'),
    custody: {
      length: count(custody.length, 'custody.length'),
      headHash: digest(custody.headHash, 'custody.headHash'),
    },
    geoDatabases: array(root.geoDatabases, 'geoDatabases').map((item, index) => {
      const database = object(item, `geoDatabases[${index}]`);
      return {
        id: text(database.id, `geoDatabases[${index}].id`),
        name: text(database.name, `geoDatabases[${index}].name`),
        version: text(database.version, `geoDatabases[${index}].version`),
        sha256: digest(database.sha256, `geoDatabases[${index}].sha256`),
        size: count(database.size, `geoDatabases[${index}].size`),
      };
    }),
    tables: array(root.tables, 'tables').map((item, index) => {
      const table = object(item, `tables[${index}]`);
      const name = text(table.name, `tables[${index}].name`);
      if (!isTableName(name)) fail(`: tables[${index}].name "${name}" is not a table name`);
      return {
        name,
        entry: text(table.entry, `tables[${index}].entry`),
        rows: count(table.rows, `tables[${index}].rows`),
      };
    }),
    evidence: array(root.evidence, 'evidence').map((item, index) => {
      const file = object(item, `evidence[${index}]`);
      return {
        entry: text(file.entry, `evidence[${index}].entry`),
        fileId: text(file.fileId, `evidence[${index}].fileId`),
        path: text(file.path, `evidence[${index}].path`),
        size: count(file.size, `evidence[${index}].size`),
        sha256: digest(file.sha256, `evidence[${index}].sha256`),
      };
    }),
    entries: [...entries.values()],
    body: { size: count(body.size, 'body.size'), sha256: digest(body.sha256, 'body.sha256') },
  };
  if (manifest.case.id === '') fail(': case.id is empty');
  unique(
    manifest.tables.map((table) => table.name),
    'table',
  );
  unique(
    manifest.evidence.map((file) => file.fileId),
    'evidence file id',
  );
  checkReferences(manifest, entries);
  return manifest;
}
