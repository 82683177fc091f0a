// The timeline's entries as columns: one row per event, each field a 4- or 8-byte number in a chunked typed array
// (chunked-column.ts), strings and shared records numbered once (string-pool.ts, interned-values.ts). An entry
// object is then only a view — the table, its row and its input position — so a case of millions of events costs
// ~100 bytes of columns and a small object per event instead of an object of thirty fields, a boxed time, a location
// object and coordinates per event (npm run bench -- analysis-memory; docs/benchmarks.md "Case analysis memory").
// The detectors read entries through the Entry interface as before: the view's getters read the columns.
import type { AuthEventKind } from '../sources/types';
import { float64Column, int32Column } from './chunked-column';
import type { Entry, TokenReference } from './entry';
import { InternedValues, ListSlots } from './interned-values';
import { NO_ROLES } from './shared-roles';
import type { StringPool } from './string-pool';
import type { EventId, EvidenceLocation, PersonNames } from './types';

/** An evidence file as entries share it. */
interface SourceFile {
  readonly file: string;
  readonly sha256: string;
}
/** The request an entry records, shared by every event of the same host, path, method and status. */
export interface RequestLine {
  readonly host?: string;
  readonly path?: string;
  readonly method?: string;
  readonly status?: number;
}
/** Where an entry was made from, shared by every event of the same place. */
export interface Place {
  readonly country?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly countryLevel?: boolean;
}

/**
 * The fields of an entry as {@link EntryTable.append} takes them: the entry's own, with the request and the place as
 * records (stored once however many events share them) instead of their members.
 */
export type EntryFields = Pick<
  Entry,
  | 'id'
  | 'ts'
  | 'kind'
  | 'rejected'
  | 'source'
  | 'subject'
  | 'sessionId'
  | 'jti'
  | 'clientId'
  | 'appVersion'
  | 'ip'
  | 'userAgent'
  | 'device'
  | 'refreshTokenId'
  | 'keyId'
  | 'names'
  | 'roles'
  | 'tokenReferences'
> & { readonly request?: RequestLine; readonly place?: Place };

type Roles = Entry['roles'];
type Tokens = Entry['tokens'];
type References = readonly TokenReference[] | undefined;

/** The string fields stored as pool numbers, and their columns' positions. */
const STRING_FIELDS = [
  'subject',
  'sessionId',
  'jti',
  'clientId',
  'appVersion',
  'ip',
  'userAgent',
  'device',
  'refreshTokenId',
  'keyId',
  'effectiveSubject',
  'effectiveSession',
] as const;
type StringField = (typeof STRING_FIELDS)[number];
const column = Object.fromEntries(STRING_FIELDS.map((field, index) => [field, index])) as Record<StringField, number>;

/** Every entry's tokens until correlation sets them (frozen: correlation replaces a list, it never adds to one). */
const NO_TOKENS: Tokens = Object.freeze([]);

/** All of an analysis's entries. */
export class EntryTable {
  private rows = 0;
  /** Store ids that are numbers; NaN where the id is a string (in `textIds`) or absent. */
  private readonly ids = float64Column();
  private readonly textIds = new Map<number, string>();
  /** Event times; NaN for an event without one. */
  private readonly times = float64Column();
  /** Pool number of the kind, shifted left once, with bit 0 set when the request was rejected. */
  private readonly kinds = int32Column();
  private readonly sourceFiles = int32Column();
  /** Line and entry index plus one (0: none); a value beyond a 32-bit integer is kept in `largeLocations`. */
  private readonly lines = int32Column();
  private readonly indexes = int32Column();
  private readonly largeLocations = new Map<number, { line?: number; index?: number }>();
  private readonly requests = int32Column();
  private readonly places = int32Column();
  private readonly names = int32Column();
  private readonly roles = int32Column();
  private readonly references = int32Column();
  private readonly tokens = int32Column();
  private readonly strings = STRING_FIELDS.map(() => int32Column());

  private readonly files = new InternedValues<SourceFile>();
  private readonly requestLines = new InternedValues<RequestLine>();
  private readonly placeValues = new InternedValues<Place>();
  private readonly nameValues = new InternedValues<PersonNames>();
  private readonly roleLists = new ListSlots<Roles>(NO_ROLES);
  private readonly tokenLists = new ListSlots<Tokens>(NO_TOKENS);
  private readonly referenceLists = new ListSlots<References>(undefined);

  private lastFile = { file: '', sha256: '', id: -1 };

  constructor(private readonly pool: StringPool) {}

  /** Add a row and return the entry that reads it; `seq` is the event's input position. */
  append(fields: EntryFields, seq: number): Entry {
    const row = this.rows++;
    const id = fields.id;
    this.ids.set(row, typeof id === 'number' ? id : NaN);
    if (typeof id === 'string') this.textIds.set(row, id);
    this.times.set(row, fields.ts ?? NaN);
    this.kinds.set(row, (this.pool.idOf(fields.kind) << 1) | (fields.rejected ? 1 : 0));
    const { file, sha256, line, index } = fields.source;
    // Consecutive events are mostly from one file: the last one's number is kept, not looked up again.
    if (file !== this.lastFile.file || sha256 !== this.lastFile.sha256)
      this.lastFile = {
        file,
        sha256,
        id: this.files.idOf(`${this.pool.idOf(file)},${this.pool.idOf(sha256)}`, () => ({
          file: this.pool.of(file),
          sha256: this.pool.of(sha256),
        })),
      };
    this.sourceFiles.set(row, this.lastFile.id);
    const storable = (value: number | undefined) =>
      value === undefined || (Number.isInteger(value) && value >= 0 && value < 0x7fffffff);
    if (storable(line) && storable(index)) {
      this.lines.set(row, line === undefined ? 0 : line + 1);
      this.indexes.set(row, index === undefined ? 0 : index + 1);
    } else {
      this.lines.set(row, 0);
      this.indexes.set(row, 0);
      this.largeLocations.set(row, { line, index });
    }
    this.requests.set(row, this.requestId(fields.request));
    this.places.set(row, this.placeId(fields.place));
    this.names.set(row, this.namesId(fields.names));
    this.roles.set(row, this.roleLists.idOf(fields.roles));
    this.references.set(row, this.referenceLists.idOf(fields.tokenReferences));
    this.tokens.set(row, 0);
    // effectiveSubject and effectiveSession start empty: correlation sets them.
    const strings: Partial<Record<StringField, string>> = fields;
    for (let index = 0; index < STRING_FIELDS.length; index++)
      this.strings[index]!.set(row, this.pool.idOf(strings[STRING_FIELDS[index]!]));
    return new TableEntry(this, row, seq);
  }

  // The keys of shared records are built from pool numbers (a string is hashed once, by the pool) and numbers; the
  // pool's number 0 and an empty status or coordinate stand for an absent member.
  private requestId(request: RequestLine | undefined): number {
    if (!request) return 0;
    const { host, path, method, status } = request;
    if (host === undefined && path === undefined && method === undefined && status === undefined) return 0;
    const [hostId, pathId, methodId] = [this.pool.idOf(host), this.pool.idOf(path), this.pool.idOf(method)];
    return this.requestLines.idOf(`${hostId},${pathId},${methodId},${status ?? ''}`, () =>
      withoutAbsent({ host: this.pool.at(hostId), path: this.pool.at(pathId), method: this.pool.at(methodId), status }),
    );
  }
  private placeId(place: Place | undefined): number {
    if (!place) return 0;
    const { country, latitude, longitude, countryLevel } = place;
    if (country === undefined && latitude === undefined && longitude === undefined) return 0;
    const countryId = this.pool.idOf(country);
    return this.placeValues.idOf(`${countryId},${latitude ?? ''},${longitude ?? ''},${countryLevel ? 1 : 0}`, () =>
      withoutAbsent({ country: this.pool.at(countryId), latitude, longitude, countryLevel }),
    );
  }
  private namesId(names: PersonNames | undefined): number {
    if (!names) return 0;
    const ids = [names.username, names.email, names.displayName].map((name) => this.pool.idOf(name));
    return this.nameValues.idOf(ids.join(','), () => names);
  }

  id(row: number): EventId | undefined {
    const id = this.ids.get(row);
    return Number.isNaN(id) ? this.textIds.get(row) : id;
  }
  ts(row: number): number | null {
    const ts = this.times.get(row);
    return Number.isNaN(ts) ? null : ts;
  }
  kind(row: number): AuthEventKind {
    return this.pool.at(this.kinds.get(row) >>> 1) as AuthEventKind;
  }
  rejected(row: number): boolean {
    return (this.kinds.get(row) & 1) === 1;
  }
  source(row: number): EvidenceLocation {
    const { file, sha256 } = this.files.at(this.sourceFiles.get(row))!;
    const large = this.largeLocations.get(row);
    const line = large ? large.line : this.lines.get(row) - 1;
    const index = large ? large.index : this.indexes.get(row) - 1;
    const location: { file: string; sha256: string; line?: number; index?: number } = { file, sha256 };
    if (line !== undefined && line >= 0) location.line = line;
    if (index !== undefined && index >= 0) location.index = index;
    return location;
  }
  /** The string in column `index` (see `column`). */
  string(row: number, index: number): string | undefined {
    return this.pool.at(this.strings[index]!.get(row));
  }
  setString(row: number, index: number, value: string | undefined): void {
    this.strings[index]!.set(row, this.pool.idOf(value));
  }
  request(row: number): RequestLine | undefined {
    return this.requestLines.at(this.requests.get(row));
  }
  place(row: number): Place | undefined {
    return this.placeValues.at(this.places.get(row));
  }
  personNames(row: number): PersonNames | undefined {
    return this.nameValues.at(this.names.get(row));
  }
  tokenReferences(row: number): References {
    return this.referenceLists.at(this.references.get(row));
  }
  rolesOf(row: number): Roles {
    return this.roleLists.at(this.roles.get(row));
  }
  setRoles(row: number, roles: Roles): void {
    this.roles.set(row, this.roleLists.replace(this.roles.get(row), roles));
  }
  tokensOf(row: number): Tokens {
    return this.tokenLists.at(this.tokens.get(row));
  }
  setTokens(row: number, tokens: Tokens): void {
    this.tokens.set(row, this.tokenLists.replace(this.tokens.get(row), tokens));
  }
}

function withoutAbsent<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** An entry read from its table row. Created once per event, so an entry keeps its identity (detectors compare them). */
class TableEntry implements Entry {
  constructor(
    private readonly table: EntryTable,
    private readonly row: number,
    readonly seq: number,
  ) {}

  get id() {
    return this.table.id(this.row);
  }
  get ts() {
    return this.table.ts(this.row);
  }
  get kind() {
    return this.table.kind(this.row);
  }
  get source() {
    return this.table.source(this.row);
  }
  get rejected() {
    return this.table.rejected(this.row);
  }
  get subject() {
    return this.table.string(this.row, column.subject);
  }
  get sessionId() {
    return this.table.string(this.row, column.sessionId);
  }
  get jti() {
    return this.table.string(this.row, column.jti);
  }
  get clientId() {
    return this.table.string(this.row, column.clientId);
  }
  get appVersion() {
    return this.table.string(this.row, column.appVersion);
  }
  get ip() {
    return this.table.string(this.row, column.ip);
  }
  get userAgent() {
    return this.table.string(this.row, column.userAgent);
  }
  get device() {
    return this.table.string(this.row, column.device);
  }
  get refreshTokenId() {
    return this.table.string(this.row, column.refreshTokenId);
  }
  get keyId() {
    return this.table.string(this.row, column.keyId);
  }
  get country() {
    return this.table.place(this.row)?.country;
  }
  get latitude() {
    return this.table.place(this.row)?.latitude;
  }
  get longitude() {
    return this.table.place(this.row)?.longitude;
  }
  get countryLevel() {
    return this.table.place(this.row)?.countryLevel;
  }
  get host() {
    return this.table.request(this.row)?.host;
  }
  get path() {
    return this.table.request(this.row)?.path;
  }
  get method() {
    return this.table.request(this.row)?.method;
  }
  get status() {
    return this.table.request(this.row)?.status;
  }
  get names() {
    return this.table.personNames(this.row);
  }
  get tokenReferences() {
    return this.table.tokenReferences(this.row);
  }
  get roles() {
    return this.table.rolesOf(this.row);
  }
  set roles(roles: Roles) {
    this.table.setRoles(this.row, roles);
  }
  get tokens() {
    return this.table.tokensOf(this.row);
  }
  set tokens(tokens: Tokens) {
    this.table.setTokens(this.row, tokens);
  }
  get effectiveSubject() {
    return this.table.string(this.row, column.effectiveSubject);
  }
  set effectiveSubject(subject: string | undefined) {
    this.table.setString(this.row, column.effectiveSubject, subject);
  }
  get effectiveSession() {
    return this.table.string(this.row, column.effectiveSession);
  }
  set effectiveSession(session: string | undefined) {
    this.table.setString(this.row, column.effectiveSession, session);
  }
}
