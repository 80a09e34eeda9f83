import { z } from 'zod';
import { storedPrescriptionSchema, type StoredPrescription } from '../content/prescribed-routine';
import { safetyCheckSchema, type SafetyCheck } from '../safety/safety-check';
import { instant } from '../log/common-fields';
import { sessionRecordSchema, type SessionRecord } from '../log/session-schema';
import { spasmRecordSchema, type SpasmRecord } from '../log/spasm-schema';
import type { Plan } from '../plan/plan-schema';
import type { Settings } from '../settings/settings-schema';

/**
 * A backup: everything the person entered, in one JSON file.
 *
 *   { "format": "backcare-backup", "formatVersion": 2, "createdAt": "…", "appVersion": "0.1.0",
 *     "settings": <settings.json as stored>, "plan": <plan.json as stored>,
 *     "sessions": [...], "spasms": [...], "prescribed": [...], "safetyChecks": [...] }
 *
 * `settings` and `plan` are the stored documents themselves, each with its own
 * `schemaVersion`: a backup holding an older one (settings version 2, say) is
 * brought up to date by the very migrations the app runs on its own files,
 * which the services pass in (see BackupParts). Sessions and spasm entries
 * are the stored records, checked by the same schemas as the month files.
 * Deletions still waiting for their undo are left out: they are being
 * deleted. The routine in progress is not data to keep, and is left out too.
 *
 * Versions: `formatVersion` 2 is current (1 had no prescribed routines and
 * no warning-sign checks). When the envelope or the records
 * change, the version goes up and a migration from the older one goes into
 * `formatMigrations`, so every older backup still restores.
 */

export const BACKUP_FORMAT = 'backcare-backup';
export const BACKUP_FORMAT_VERSION = 2;

type JsonObject = Record<string, unknown>;
type Migration = (file: JsonObject) => JsonObject;

/** Keyed by the format version each migration starts from. */
const formatMigrations: Readonly<Record<number, Migration>> = {
  // Format 2 adds the routines a therapist prescribed and the warning-sign checks: a format 1 backup had none.
  1: (file) => ({ ...file, formatVersion: 2, prescribed: [], safetyChecks: [] }),
};

/** A stored document inside a backup: its current version, how older ones become it, and its schema (the store's own spec fits). */
export interface BackupPart<T> {
  version: number;
  migrations: Readonly<Record<number, Migration>>;
  schema: z.ZodType<T>;
}

export interface StoredSettings {
  schemaVersion: number;
  settings: Settings;
}

export interface StoredPlan {
  schemaVersion: number;
  plan: Plan | null;
}

/** The specs of the stored documents a backup carries (the services pass settingsFileSpec and planFileSpec). */
export interface BackupParts<S extends StoredSettings = StoredSettings, P extends StoredPlan = StoredPlan> {
  settings: BackupPart<S>;
  plan: BackupPart<P>;
}

export interface BackupFile<S extends StoredSettings = StoredSettings, P extends StoredPlan = StoredPlan> {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  appVersion: string;
  settings: S;
  plan: P;
  /** Oldest first. */
  sessions: SessionRecord[];
  spasms: SpasmRecord[];
  /** Routines a therapist prescribed (from format 2). */
  prescribed: StoredPrescription[];
  /** The four-weekly warning-sign checks, oldest first (from format 2). */
  safetyChecks: SafetyCheck[];
}

export type CheckedBackup<S extends StoredSettings = StoredSettings, P extends StoredPlan = StoredPlan> = { ok: true; backup: BackupFile<S, P> } | { ok: false; problem: string };

export const restoreModes = ['replace', 'merge'] as const;
export type RestoreMode = (typeof restoreModes)[number];

/** What a backup holds, shown before it is restored. */
export interface BackupSummary {
  createdAt: string;
  appVersion: string;
  sessions: number;
  spasms: number;
  /** The first and last local day of its entries; null when it has none. */
  firstDay: string | null;
  lastDay: string | null;
}

export interface RecordCounts {
  /** Records written from the backup. */
  added: number;
  /** Records of the backup left out because one with the same id is already there (merge only). */
  skipped: number;
}

export interface RestoreResult {
  mode: RestoreMode;
  sessions: RecordCounts;
  spasms: RecordCounts;
  /** Replace only: where the data as it was before the restore was saved (a backup file itself). */
  safetyBackup: string | null;
}

const dayOfInstant = (at: string) => at.slice(0, 10);

/**
 * The whole file at the current format, the stored documents at their
 * current versions. Beyond each record's own schema it checks what the month
 * files require of records together, so a file it accepts is always written
 * whole: every id once (sessions and spasm entries share one set of ids), and
 * each record's local day the date of its instant as written.
 */
export function backupFileSchema<S extends StoredSettings, P extends StoredPlan>(parts: BackupParts<S, P>): z.ZodType<BackupFile<S, P>> {
  const schema = z
    .strictObject({
      format: z.literal(BACKUP_FORMAT),
      formatVersion: z.literal(BACKUP_FORMAT_VERSION),
      createdAt: instant,
      appVersion: z.string().min(1).max(100),
      settings: parts.settings.schema,
      plan: parts.plan.schema,
      sessions: z.array(sessionRecordSchema),
      spasms: z.array(spasmRecordSchema),
      prescribed: z.array(storedPrescriptionSchema).max(100),
      safetyChecks: z.array(safetyCheckSchema),
    })
    .superRefine((file, ctx) => {
      const seen = new Map<string, string>();
      const check = (list: 'sessions' | 'spasms', index: number, id: string, localDay: string, at: string, atField: string) => {
        if (dayOfInstant(at) !== localDay) ctx.addIssue({ code: 'custom', path: [list, index, 'localDay'], message: `Must be the date of ${atField} as written (${dayOfInstant(at)})` });
        const first = seen.get(id);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: [list, index, 'id'], message: `Appears twice: ${first} has the same id` });
        else seen.set(id, recordLabel(list, index, file[list][index]));
      };
      file.sessions.forEach((s, i) => check('sessions', i, s.id, s.localDay, s.startedAt, 'startedAt'));
      file.spasms.forEach((s, i) => check('spasms', i, s.id, s.localDay, s.occurredAt, 'occurredAt'));
    });
  return schema as unknown as z.ZodType<BackupFile<S, P>>;
}

/** Schemas built once per set of parts (the services pass the same specs every time). */
const schemas = new WeakMap<BackupParts<StoredSettings, StoredPlan>, z.ZodType>();

/**
 * Reads a backup file's text: JSON, a backup of ours, a format this version
 * knows, older parts migrated, then the whole file checked. A problem comes
 * back as one sentence naming the record and field, e.g.
 * `Session 12 (id 3f1c…, 2026-03-04): painBefore: Must be at most 10`.
 */
export function checkBackup<S extends StoredSettings, P extends StoredPlan>(text: string, parts: BackupParts<S, P>): CheckedBackup<S, P> {
  let parsed: unknown;
  try {
    // A byte-order mark, as some Windows editors add when a file is saved, is not part of the JSON.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: text.trim() === '' ? 'The file is empty' : 'Not a Backcare Coach backup file: it is not valid JSON (it may have been cut short)' };
  }
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT) return { ok: false, problem: 'Not a Backcare Coach backup file' };
  const upgraded = upgradeFormat(parsed);
  if (typeof upgraded === 'string') return { ok: false, problem: upgraded };
  for (const part of ['settings', 'plan'] as const) {
    if (!isObject(upgraded[part])) continue; // the schema names what is wrong with it
    const migrated = migratePart(parts[part], upgraded[part]);
    if (typeof migrated === 'string') return { ok: false, problem: `${part === 'settings' ? 'Settings' : 'Plan'}: ${migrated}` };
    upgraded[part] = migrated;
  }
  let schema = schemas.get(parts as BackupParts);
  if (!schema) schemas.set(parts as BackupParts, (schema = backupFileSchema(parts)));
  const checked = schema.safeParse(upgraded);
  if (checked.success) return { ok: true, backup: checked.data as BackupFile<S, P> };
  return { ok: false, problem: describeIssue(checked.error.issues[0]!, upgraded) };
}

/**
 * Incoming records whose id is not already present, and how many were left
 * out. Sessions and spasm entries share one set of ids.
 */
export function mergeRecords(existingIds: ReadonlySet<string>, incoming: Pick<BackupFile, 'sessions' | 'spasms'>): { sessions: SessionRecord[]; spasms: SpasmRecord[]; counts: Pick<RestoreResult, 'sessions' | 'spasms'> } {
  const sessions = incoming.sessions.filter((record) => !existingIds.has(record.id));
  const spasms = incoming.spasms.filter((record) => !existingIds.has(record.id));
  return {
    sessions,
    spasms,
    counts: {
      sessions: { added: sessions.length, skipped: incoming.sessions.length - sessions.length },
      spasms: { added: spasms.length, skipped: incoming.spasms.length - spasms.length },
    },
  };
}

/**
 * The text of a backup: one line per record, and a line for each of the
 * rest. A person can read it, find "Session 12" by its line and compare two
 * backups line by line, and an editor opens it (ten years on one line would
 * be a 13 MB line). It is as small as JSON on one line and about 30% smaller
 * than indenting every field (a session's exercises nest four levels deep):
 * 12.9 MB against 18.2 MB for ten years of daily use. It parses to exactly
 * what JSON.stringify would write.
 */
export function serializeBackup(backup: BackupFile): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(backup)) {
    if (!Array.isArray(value) || value.length === 0) {
      lines.push(`\t${JSON.stringify(key)}: ${JSON.stringify(value)}`);
      continue;
    }
    const records = new Array<string>(value.length);
    for (let i = 0; i < value.length; i++) records[i] = JSON.stringify(value[i]);
    lines.push(`\t${JSON.stringify(key)}: [\n\t\t${records.join(',\n\t\t')}\n\t]`);
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Brings the envelope to the current format, or says why it cannot be. */
function upgradeFormat(file: JsonObject): JsonObject | string {
  let current = file;
  for (;;) {
    const version = current.formatVersion;
    // A copy: the parts are replaced by their migrated versions, and the caller's object stays as it was.
    if (version === BACKUP_FORMAT_VERSION) return { ...current };
    if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
      return `Made by a newer version of Backcare Coach (backup format ${version}; this version reads up to ${BACKUP_FORMAT_VERSION}): update the app to restore it`;
    }
    const migration = typeof version === 'number' ? formatMigrations[version] : undefined;
    if (typeof version !== 'number' || !migration) return `formatVersion: Not a backup format this version knows (${version === undefined ? 'missing' : JSON.stringify(version).slice(0, 20)})`;
    current = migration(current);
    if (current.formatVersion !== version + 1) return `formatVersion: The conversion from format ${version} did not produce format ${version + 1}`;
  }
}

/** Brings a stored document to its current version with the app's own migrations, or says why it cannot be. */
function migratePart(part: BackupPart<unknown>, stored: JsonObject): JsonObject | string {
  let current = stored;
  for (;;) {
    const version = current.schemaVersion === undefined ? 0 : current.schemaVersion;
    if (version === part.version) return current;
    if (typeof version !== 'number' || !Number.isInteger(version)) return `schemaVersion: Not a version this app knows (${JSON.stringify(version).slice(0, 20)})`;
    if (version > part.version) return `schemaVersion: Made by a newer version of Backcare Coach (version ${version}; this version reads up to ${part.version}): update the app to restore it`;
    const migration = part.migrations[version];
    if (!migration) return `schemaVersion: Not a version this app knows (${version})`;
    try {
      current = migration(current);
    } catch (error) {
      // A migration meets whatever an old file holds; any failure means it cannot be used.
      return `It could not be converted from version ${version} (${(error as Error).message})`;
    }
    const reached = current.schemaVersion;
    if (reached !== version + 1) return `The conversion from version ${version} did not produce version ${version + 1}`;
  }
}

const shortText = (value: unknown) => (typeof value === 'string' ? (value.length > 40 ? `${value.slice(0, 40)}…` : value) : null);

/** "Session 12 (id 3f1c…, 2026-03-04)": the number counts from 1 in the file's list, as a person counts. */
function recordLabel(list: 'sessions' | 'spasms', index: number, record: unknown): string {
  const what = `${list === 'sessions' ? 'Session' : 'Spasm entry'} ${index + 1}`;
  if (!isObject(record)) return what;
  const known = [shortText(record.id) === null ? null : `id ${shortText(record.id)}`, shortText(record.localDay)].filter((part) => part !== null);
  return known.length > 0 ? `${what} (${known.join(', ')})` : what;
}

/** A path inside a record as words: ["exercises", 1, "dose", "reps"] → "exercises, item 2, dose.reps". */
function fieldWords(path: readonly PropertyKey[]): string {
  const groups: string[] = [];
  let names: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      if (names.length > 0) groups.push(names.join('.'));
      names = [];
      groups.push(`item ${key + 1}`);
    } else names.push(String(key));
  }
  if (names.length > 0) groups.push(names.join('.'));
  return groups.join(', ');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key as string | number)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'text' : typeof value === 'boolean' ? (value ? 'true' : 'false') : typeof value === 'number' ? String(value) : typeof value;

const formatWords: Record<string, string> = {
  datetime: 'a date and time with its offset, like 2026-03-04T21:30:00+01:00',
  date: 'a real date, like 2026-03-04',
  uuid: 'an id in the app\'s form (a UUID)',
};

/** One issue as a sentence a person can act on. */
function issueWords(issue: z.core.$ZodIssue, value: { found: boolean; value: unknown }): string {
  if (!value.found && issue.code !== 'custom') return 'Missing';
  switch (issue.code) {
    case 'invalid_type':
      return `Should be ${typeWords[issue.expected] ?? issue.expected}, not ${kindOf(value.value)}`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `Must be at most ${max} characters long`;
      if (issue.origin === 'array') return `Must have at most ${max} items`;
      return issue.inclusive === false ? `Must be less than ${max}` : `Must be at most ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return min === '1' ? 'Must not be empty' : `Must be at least ${min} characters long`;
      if (issue.origin === 'array') return `Must have at least ${min} item${min === '1' ? '' : 's'}`;
      return issue.inclusive === false ? `Must be more than ${min}` : `Must be at least ${min}`;
    }
    case 'invalid_format':
      return `Should be ${formatWords[issue.format] ?? `in the expected form (${issue.format})`}${typeof value.value === 'string' ? `, not "${shortText(value.value)}"` : ''}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `Must be ${JSON.stringify(issue.values[0])}` : `Must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'options' in issue && issue.options?.length ? `Must be one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}` : 'Not in any of the accepted forms';
    case 'unrecognized_keys':
      return 'Not a field of this format: remove it';
    case 'not_multiple_of':
      return `Must be a multiple of ${issue.divisor}`;
    default:
      return issue.message;
  }
}

/** Where an issue is, in words: the record (or settings, plan) and the field in it. */
function describeIssue(issue: z.core.$ZodIssue, file: JsonObject): string {
  // An unknown key is named as the field itself: it is the one to remove.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const words = issueWords(issue, valueAt(file, path));
  const [top, ...rest] = path;
  let where: string;
  let field: readonly PropertyKey[];
  if ((top === 'sessions' || top === 'spasms') && typeof rest[0] === 'number') {
    where = recordLabel(top, rest[0], (file[top] as unknown[])[rest[0]]);
    field = rest.slice(1);
  } else if ((top === 'settings' || top === 'plan') && rest.length > 0) {
    where = top === 'settings' ? 'Settings' : 'Plan';
    // Inside the stored document the data sits under a key of the same name: `settings.settings.theme` is the theme.
    field = rest[0] === top ? rest.slice(1) : rest;
  } else {
    where = '';
    field = path;
  }
  const fieldText = fieldWords(field);
  return [where, fieldText, words].filter((part) => part !== '').join(': ');
}
