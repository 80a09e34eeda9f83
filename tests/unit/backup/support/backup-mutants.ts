import { BACKUP_FORMAT_VERSION } from '../../../../core/backup/backup-file';
import { pick } from '../../storage/support/mutate';

/**
 * Broken backup files made from one valid backup, each by one change that
 * must make it invalid (a change that could leave it valid, such as a pain
 * score moved within 0–10, is never made). Each says what the message must
 * name: the record and field where there is one.
 */

type Random = () => number;
type Json = Record<string, unknown>;
type Backup = Json & { sessions: Json[]; spasms: Json[]; settings: { settings: Json }; plan: { plan: Json & { versions: Json[]; pauses: Json[] } } };

export interface Mutant {
  /** What was done, for the failure message. */
  change: string;
  text: string;
  /** What the problem must say. */
  expected: RegExp;
}

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type List = 'sessions' | 'spasms';
/** A record of either list, and the words the message must start with. */
function someRecord(random: Random, backup: Backup, list: List = pick(random, ['sessions', 'spasms'] as const)) {
  const index = int(random, 0, backup[list].length - 1);
  const label = `${list === 'sessions' ? 'Session' : 'Spasm entry'} ${index + 1}`;
  return { list, index, record: backup[list][index]!, starts: `^${label}\\b` };
}

/** Sets a key as the record's own (an assignment to `__proto__` would change its prototype instead). */
const setOwn = (object: Json, key: string, value: unknown) => Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });

/** A value of another JSON type than `value`, that no field of ours accepts in its place. */
function wrongType(random: Random, value: unknown): unknown {
  if (value === null) return pick(random, [{}, [], { a: 1 }]); // null-able fields take a number, text or choice, never an object or list
  if (typeof value === 'string') return pick(random, [42, true, [], {}, null]);
  if (typeof value === 'number') return pick(random, ['5', true, [], {}, null]);
  if (typeof value === 'boolean') return pick(random, ['true', 1, [], null]);
  if (Array.isArray(value)) return pick(random, ['list', 7, {}, null]);
  return pick(random, ['object', 7, [], null]);
}

// Fields of a dose that take a default when missing (core/content/exercise-schema.ts): leaving one out is valid.
const withDefaults = new Set(['restBetweenRepsSeconds', 'sets', 'restBetweenSetsSeconds', 'perSide']);

// Fields that may be null: null is not a wrong type for them.
const nullable = new Set(['painBefore', 'painAfter', 'effort', 'duration', 'position', 'voiceName', 'leadInSeconds', 'safetyAcknowledgedAt', 'careRegion']);

const badInstants = ['2026-02-30T21:30:00+01:00', '2026-11-24T25:00:00Z', '2026-11-24T21:30:00', '2026-11-24', 'yesterday', '', '2026-13-01T00:00:00Z', '2026-11-24T21:30:00+25:00'];
const badDays = ['2026-02-30', '2026-11-31', '26-11-24', '2026/11/24', '', '2026-1-5', 'today'];

/** Numbers beyond each field's range (or not whole where it must be). */
const outOfRange: { list: List; path: string[]; values: number[] }[] = [
  { list: 'sessions', path: ['painBefore'], values: [11, -1, 2.5, 100] },
  { list: 'sessions', path: ['painAfter'], values: [11, -1, 0.1] },
  { list: 'sessions', path: ['exercisedMs'], values: [-1, 24 * 3600_000 + 1, 1.5] },
  { list: 'sessions', path: ['routine', 'version'], values: [0, -3, 1.5] },
  { list: 'sessions', path: ['exercises', '0', 'workDone'], values: [-1, 501, 0.5] },
  { list: 'sessions', path: ['exercises', '0', 'workTotal'], values: [0, 501] },
  { list: 'spasms', path: ['intensity'], values: [11, -1, 9.5, 1e9] },
];

const badStrings: { list: List; path: string[]; values: string[] }[] = [
  { list: 'sessions', path: ['note'], values: ['x'.repeat(2001)] },
  { list: 'spasms', path: ['note'], values: ['y'.repeat(2001)] },
  { list: 'sessions', path: ['timeZone'], values: ['', 'Z'.repeat(65)] },
  { list: 'sessions', path: ['routine', 'name'], values: ['', 'n'.repeat(81)] },
  { list: 'sessions', path: ['exercises', '0', 'exerciseId'], values: ['', 'e'.repeat(81)] },
  { list: 'sessions', path: ['ending'], values: ['done', 'Completed', ''] },
  { list: 'sessions', path: ['effort'], values: ['hard', ''] },
  { list: 'sessions', path: ['exercises', '0', 'outcome'], values: ['finished'] },
  { list: 'sessions', path: ['exercises', '0', 'dose', 'kind'], values: ['stretch', ''] },
  { list: 'spasms', path: ['duration'], values: ['2-min', ''] },
  { list: 'spasms', path: ['position'], values: ['standing'] },
  { list: 'sessions', path: ['id'], values: ['abc', '', '3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6', '3f1c2b9e8d4a4c6b9e2f1a2b3c4d5e6f'] },
  { list: 'spasms', path: ['id'], values: ['not-a-uuid', '{}'] },
];

const settingsBad: [string, unknown[]][] = [
  ['voiceRate', [0.4, 2.1, '1']],
  ['dayStartHour', [7, -1, 3.5]],
  ['leadInSeconds', [2, 31, 10.5]],
  ['theme', ['blue', '']],
  ['weekStartsOn', ['tuesday']],
  ['careRegion', ['FR', 'gb']],
  ['milestonesSeen', [[''], ['x'.repeat(41)], 'first-session']],
  ['soundCues', ['yes', 1]],
  ['voiceName', ['v'.repeat(201)]],
];

const at = (record: Json, path: string[]) => path.slice(0, -1).reduce<Json>((object, key) => object[key] as Json, record);
const last = (path: string[]) => path[path.length - 1]!;

type Maker = (random: Random, backup: Backup, text: string) => Omit<Mutant, 'text'> & { text?: string };

const makers: Record<string, Maker> = {
  'delete a field of a record'(random, backup) {
    const { record, starts } = someRecord(random, backup);
    const key = pick(random, Object.keys(record));
    delete record[key];
    return { change: `delete ${key}`, expected: new RegExp(`${starts}.*: ${escape(key)}: Missing$`) };
  },
  'delete a nested field'(random, backup) {
    const { record, starts } = someRecord(random, backup, 'sessions');
    const exercise = pick(random, record.exercises as Json[]);
    const target = pick(random, [exercise, exercise.dose as Json, record.routine as Json]);
    const key = pick(random, Object.keys(target).filter((k) => !withDefaults.has(k)));
    delete target[key];
    // A dose without its kind matches none of the kinds.
    return { change: `delete nested ${key}`, expected: new RegExp(`${starts}.*${key === 'kind' ? 'kind' : escape(key)}: (Missing|Must be one of)`) };
  },
  'delete a top-level field'(random, backup) {
    const key = pick(random, Object.keys(backup));
    delete backup[key];
    const expected = key === 'format' ? /^Not a Backcare Coach backup file$/ : new RegExp(`^${key}: (Missing|Not a backup format)`);
    return { change: `delete ${key}`, expected };
  },
  'delete a setting'(random, backup) {
    const key = pick(random, Object.keys(backup.settings.settings));
    delete backup.settings.settings[key];
    return { change: `delete setting ${key}`, expected: new RegExp(`^Settings: ${key}: Missing$`) };
  },
  'change a type in a record'(random, backup) {
    const { record, starts } = someRecord(random, backup);
    const key = pick(random, Object.keys(record));
    const value = record[key];
    let next = wrongType(random, value);
    if (next === null && nullable.has(key)) next = [];
    record[key] = next;
    return { change: `${key}: ${JSON.stringify(value)?.slice(0, 30)} → ${JSON.stringify(next)}`, expected: new RegExp(`${starts}.*: ${escape(key)}(\\.\\w+)?: `) };
  },
  'change a type in settings or plan'(random, backup) {
    if (random() < 0.5) {
      const key = pick(random, Object.keys(backup.settings.settings));
      const value = backup.settings.settings[key];
      let next = wrongType(random, value);
      if (next === null && nullable.has(key)) next = 'x'.repeat(300);
      backup.settings.settings[key] = next;
      return { change: `setting ${key} → ${JSON.stringify(next)}`, expected: new RegExp(`^Settings: ${key}: `) };
    }
    const versions = backup.plan.plan.versions;
    const version = pick(random, versions);
    const key = pick(random, ['startsOn', 'target']);
    version[key] = wrongType(random, version[key]);
    return { change: `plan version ${key}`, expected: new RegExp(`^Plan: versions, item \\d+, ${key}`) };
  },
  'a number out of range'(random, backup) {
    const { list, path, values } = pick(random, outOfRange);
    const { record, starts } = someRecord(random, backup, list);
    const value = pick(random, values);
    at(record, path)[last(path)] = value;
    return { change: `${path.join('.')} = ${value}`, expected: new RegExp(`${starts}.*${last(path)}: (Must|Should)`) };
  },
  'a bad string or choice'(random, backup) {
    const { list, path, values } = pick(random, badStrings);
    const { record, starts } = someRecord(random, backup, list);
    const value = pick(random, values);
    at(record, path)[last(path)] = value;
    return { change: `${path.join('.')} = ${JSON.stringify(value.slice(0, 30))}`, expected: new RegExp(`${starts}.*${last(path)}: (Must|Should)`) };
  },
  'a bad instant'(random, backup) {
    const { record, starts, list } = someRecord(random, backup);
    const key = pick(random, list === 'sessions' ? ['startedAt', 'endedAt', 'updatedAt'] : ['occurredAt', 'updatedAt']);
    const value = pick(random, badInstants);
    record[key] = value;
    return { change: `${key} = ${value}`, expected: new RegExp(`${starts}.*${key}: Should be a date and time`) };
  },
  'a bad day'(random, backup) {
    const { record, starts } = someRecord(random, backup);
    const value = pick(random, badDays);
    record.localDay = value;
    return { change: `localDay = ${value}`, expected: new RegExp(`${starts}.*localDay: Should be a real date`) };
  },
  'a local day that is not the date of the instant'(random, backup) {
    const { record, starts } = someRecord(random, backup);
    const day = record.localDay as string;
    const other = new Date(Date.parse(`${day}T12:00:00Z`) + pick(random, [-1, 1, 30, -365]) * 86_400_000).toISOString().slice(0, 10);
    record.localDay = other;
    return { change: `localDay ${day} → ${other}`, expected: new RegExp(`${starts}.*localDay: Must be the date of`) };
  },
  'bad dates elsewhere'(random, backup) {
    const choice = int(random, 0, 3);
    if (choice === 0) {
      backup.createdAt = pick(random, badInstants);
      return { change: 'createdAt', expected: /^createdAt: Should be a date and time/ };
    }
    if (choice === 1) {
      backup.settings.settings.safetyAcknowledgedAt = pick(random, badInstants);
      return { change: 'safetyAcknowledgedAt', expected: /^Settings: safetyAcknowledgedAt: Should be a date and time/ };
    }
    if (choice === 2) {
      pick(random, backup.plan.plan.pauses)[pick(random, ['from', 'to'])] = pick(random, badDays);
      return { change: 'pause day', expected: /^Plan: pauses, item \d+, (from|to): Should be a real date/ };
    }
    const { record, starts } = someRecord(random, backup, 'sessions');
    record.painEvents = [{ exerciseId: 'knee-to-chest', at: pick(random, badInstants), positionMs: 1000 }];
    return { change: 'pain event at', expected: new RegExp(`${starts}.*painEvents, item 1, at: Should be a date and time`) };
  },
  'a duplicate id'(random, backup) {
    const a = someRecord(random, backup);
    let b = someRecord(random, backup);
    while (b.list === a.list && b.index === a.index) b = someRecord(random, backup);
    b.record.id = a.record.id;
    return { change: `${b.list}[${b.index}].id = ${a.list}[${a.index}].id`, expected: /^(Session|Spasm entry) \d+ \(id [0-9a-f-]+, [0-9-]+\): id: Appears twice: (Session|Spasm entry) \d+/ };
  },
  'a record twice'(random, backup) {
    const { list, record } = someRecord(random, backup);
    backup[list].splice(int(random, 0, backup[list].length), 0, structuredClone(record));
    return { change: `${list}: a record twice`, expected: /^(Session|Spasm entry) \d+ .*: id: Appears twice/ };
  },
  'cut short'(random, _backup, text) {
    const cut = int(random, 0, text.trimEnd().length - 1);
    return { change: `first ${cut} characters`, text: text.slice(0, cut), expected: cut === 0 || text.slice(0, cut).trim() === '' ? /^The file is empty$/ : /not valid JSON/ };
  },
  'wrong format'(random, backup) {
    backup.format = pick(random, ['backcare', 'Backcare-Backup', null, 1, 'backcare-backup ', 'conf']);
    return { change: `format ${JSON.stringify(backup.format)}`, expected: /^Not a Backcare Coach backup file$/ };
  },
  'wrong format version'(random, backup) {
    // Format 1 is left out: it is a real older format (a current file labelled 1 is converted, not refused).
    const value = pick(random, [BACKUP_FORMAT_VERSION + 1, 3, 99, 0, -1, '2', 1.5, null, true, [2]]);
    backup.formatVersion = value;
    const newer = typeof value === 'number' && Number.isInteger(value) && value > BACKUP_FORMAT_VERSION;
    return { change: `formatVersion ${JSON.stringify(value)}`, expected: newer ? /^Made by a newer version of Backcare Coach/ : /^formatVersion: Not a backup format/ };
  },
  'not a backup at all'(random) {
    const text = pick(random, ['[]', '"backup"', '42', 'null', 'true', '{}', '{"settings":{}}', '<html></html>', 'format,formatVersion\nbackcare-backup,1', '{"format":"backcare-backup"']);
    return { change: `text ${text}`, text, expected: /^Not a Backcare Coach backup file/ };
  },
  'wrong stored version'(random, backup) {
    const part = pick(random, ['settings', 'plan'] as const);
    const current = (backup[part] as Json).schemaVersion as number;
    // Never an older version: those migrate (and may repair what they meet, as for the app's own files).
    const value = pick(random, [current + 1, 99, 'x', current - 0.5, -1, null, String(current), [current]]);
    (backup[part] as Json).schemaVersion = value;
    const word = part === 'settings' ? 'Settings' : 'Plan';
    return { change: `${part}.schemaVersion ${JSON.stringify(value)}`, expected: new RegExp(`^${word}: schemaVersion: (Made by a newer version|Not a version)`) };
  },
  'an unknown key'(random, backup) {
    const key = pick(random, ['extra', 'colour', '__proto__', 'constructor', 'ID', 'painbefore']);
    const where = int(random, 0, 5);
    if (where === 0) {
      setOwn(backup, key, 1);
      return { change: `top-level ${key}`, expected: new RegExp(`^${escape(key)}: Not a field of this format`) };
    }
    if (where === 1) {
      setOwn(backup.settings.settings, key, true);
      return { change: `setting ${key}`, expected: new RegExp(`^Settings: ${escape(key)}: Not a field`) };
    }
    if (where === 2) {
      setOwn(pick(random, backup.plan.plan.versions), key, 'x');
      return { change: `plan version ${key}`, expected: new RegExp(`^Plan: versions, item \\d+, ${escape(key)}: Not a field`) };
    }
    if (where === 3) {
      setOwn(backup.plan as Json, key, null);
      return { change: `plan file ${key}`, expected: new RegExp(`^Plan: ${escape(key)}: Not a field`) };
    }
    const { record, starts, list } = someRecord(random, backup);
    const target = where === 4 || list === 'spasms' ? record : pick(random, record.exercises as Json[]);
    setOwn(target, key, 0);
    return { change: `${list} ${key}`, expected: new RegExp(`${starts}.*${escape(key)}: Not a field`) };
  },
  'a record in the other list'(random, backup) {
    const from = pick(random, ['sessions', 'spasms'] as const);
    const to = from === 'sessions' ? 'spasms' : 'sessions';
    const { index } = someRecord(random, backup, from);
    const [record] = backup[from].splice(index, 1);
    backup[to].splice(int(random, 0, backup[to].length), 0, record!);
    return { change: `${from}[${index}] moved to ${to}`, expected: to === 'sessions' ? /^Session \d+ .*: \w+: (Missing|Not a field)/ : /^Spasm entry \d+ .*: \w+: (Missing|Not a field)/ };
  },
  'swapped parts'(random, backup) {
    const pairs = [
      ['settings', 'plan'],
      ['sessions', 'spasms'],
      ['createdAt', 'appVersion'],
    ] as const;
    const [a, b] = pick(random, pairs);
    if (a === 'sessions' && (backup.sessions.length === 0 || backup.spasms.length === 0)) throw new Error('the base backup needs both kinds');
    const parts: Json = backup;
    [parts[a], parts[b]] = [parts[b], parts[a]];
    return { change: `swap ${a} and ${b}`, expected: /./ };
  },
  'a plan that breaks its rules'(random, backup) {
    const plan = backup.plan.plan;
    const choice = int(random, 0, 5);
    if (choice === 0) plan.versions.reverse();
    if (choice === 1) plan.versions = [];
    if (choice === 2) (plan.versions[0]!.target as Json).routines = [{ routineId: 'bedtime-spasm-relief', weekdays: pick(random, [[7], [-1], [], [1, 1], [0.5]]) }];
    if (choice === 3) plan.pauses[0]!.to = '2000-01-01';
    if (choice === 4) plan.pauses[0]!.id = 'pause-1';
    if (choice === 5) plan.versions[1]!.target = { kind: 'sessions-per-week', sessionsPerWeek: pick(random, [0, 22, 2.5]) };
    return { change: `plan rule ${choice}`, expected: /^Plan: (versions|pauses)/ };
  },
  'empty lists where one item is needed, or too many choices'(random, backup) {
    const { record, starts, list } = someRecord(random, backup);
    if (list === 'sessions') {
      record.exercises = [];
      return { change: 'no exercises', expected: new RegExp(`${starts}.*exercises: Must have at least 1 item`) };
    }
    record[pick(random, ['triggers', 'helped'])] = pick(random, [['stress', 'stress'], ['heat', 'heat'], ['magic']]);
    return { change: 'spasm choices', expected: new RegExp(`${starts}.*(triggers|helped)`) };
  },
  'a bad setting'(random, backup) {
    const [key, values] = pick(random, settingsBad);
    backup.settings.settings[key] = pick(random, values);
    return { change: `setting ${key}`, expected: new RegExp(`^Settings: ${key}`) };
  },
  'a bad app version'(random, backup) {
    backup.appVersion = pick(random, ['', 'v'.repeat(101), 1, null]);
    return { change: 'appVersion', expected: /^appVersion: / };
  },
};

/**
 * `count` different broken files from `validText` (which must hold the
 * current stored versions), the same ones for the same seed; every kind of
 * change in turn.
 */
export function mutants(validText: string, random: Random, count: number): Mutant[] {
  const kinds = Object.entries(makers);
  const valid = JSON.parse(validText) as Backup;
  const made = new Map<string, Mutant>();
  for (let i = 0; made.size < count; i++) {
    if (i > count * 20) throw new Error(`Only ${made.size} different broken files could be made`);
    const [kind, make] = kinds[i % kinds.length]!;
    const backup = structuredClone(valid);
    const mutant = make(random, backup, validText);
    const text = mutant.text ?? JSON.stringify(backup, undefined, random() < 0.5 ? '\t' : undefined);
    if (!made.has(text)) made.set(text, { change: `${kind}: ${mutant.change}`, text, expected: mutant.expected });
  }
  return [...made.values()];
}
