import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../core/export/export-file';
import type { SessionRecord } from '../../../core/log/session-schema';
import type { SpasmRecord } from '../../../core/log/spasm-schema';
import { ROWS_PER_PIECE, writeCsv } from '../../../services/export/csv-export';
import { openHarness, type Harness } from '../storage/support/harness';
import { sampleSession, sampleSpasm } from '../storage/support/samples';

let h: Harness;
afterEach(() => h.services.close());

const now = '2026-11-24T22:00:00+01:00';
const tricky = 'Tight, then "better"\nafter heat; café, naïve — 痛み';

/** Parses a CSV file back, numbers and booleans typed (instants kept as text: Papa Parse would make them Dates). */
function parse(file: ExportFile): Record<string, unknown>[] {
  expect(file.text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, unknown>>(file.text.slice(1), { header: true, dynamicTyping: (field) => !String(field).endsWith('_at'), skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function exportTable(table: string): Promise<ExportFile> {
  return h.call<ExportFile>('export:csv', { now, table });
}

describe('CSV export', () => {
  it('writes every session, oldest first, as the log holds it: ISO instants with offsets, numbers as numbers, empty for missing', async () => {
    h = openHarness();
    const first = await h.call<SessionRecord>('sessions:save', sampleSession({ startedAt: '2026-10-30T21:00:00+00:00', localDay: '2026-10-30', timeZone: 'Europe/London', note: tricky }));
    const late = await h.call<SessionRecord>('sessions:save', sampleSession({ startedAt: '2026-11-24T00:40:00+01:00', painBefore: null, painAfter: null, effort: null, ending: 'ended-early' }));
    const file = await exportTable('sessions');
    expect(file).toMatchObject({ fileName: 'backcare-sessions-2026-11-24.csv', mediaType: 'text/csv' });
    expect(file.text).toContain('\r\n');
    const rows = parse(file);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      session_id: first.id,
      lived_day: '2026-10-30',
      started_at: '2026-10-30T21:00:00+00:00',
      time_zone: 'Europe/London',
      routine_id: 'bedtime-spasm-relief',
      counts_as_done: true,
      exercised_seconds: 720,
      exercises_completed: 2,
      exercises_total: 2,
      pain_before: 5,
      pain_after: 3,
      pain_change: 'eased',
      effort: 'about-right',
      note: tricky,
    });
    // 00:40 is lived on the evening before (the day starts at 4 a.m.); missing scores are empty cells.
    expect(rows[1]).toMatchObject({ session_id: late.id, lived_day: '2026-11-23', ending: 'ended-early', pain_before: null, pain_after: null, pain_change: null, effort: null });
  });

  it('has one stable header per table', async () => {
    h = openHarness();
    const headers = await Promise.all(['sessions', 'exercises', 'spasms'].map(async (t) => (await exportTable(t)).text.slice(1).split('\r\n')[0]));
    expect(headers).toEqual([
      'session_id,lived_day,started_at,ended_at,time_zone,routine_id,routine_name,routine_version,ending,counts_as_done,exercised_seconds,exercises_completed,exercises_total,this_hurts_presses,pain_before,pain_after,pain_change,effort,morning_after,note',
      'session_id,lived_day,started_at,routine_id,position,exercise_id,exercise_name,outcome,easier_version_of,dose_kind,work_done,work_total,this_hurts_presses',
      'spasm_id,lived_day,occurred_at,time_zone,intensity,duration,lying_position,possible_triggers,what_helped,note',
    ]);
  });

  it('writes one row per exercise done, with its outcome and the "This hurts" presses during it', async () => {
    h = openHarness();
    const base = sampleSession();
    const session = await h.call<SessionRecord>('sessions:save', {
      ...base,
      exercises: [base.exercises[0]!, { ...base.exercises[1]!, outcome: 'stopped-for-pain', workDone: 3 }],
      painEvents: [{ exerciseId: 'paced-breathing', at: '2026-11-24T21:35:00+01:00', positionMs: 300_000 }],
    });
    const rows = parse(await exportTable('exercises'));
    expect(rows).toEqual([
      expect.objectContaining({ session_id: session.id, position: 1, exercise_id: 'knee-to-chest', outcome: 'completed', work_done: 6, work_total: 6, this_hurts_presses: 0 }),
      expect.objectContaining({ session_id: session.id, position: 2, exercise_id: 'paced-breathing', outcome: 'stopped-for-pain', dose_kind: 'breathing', work_done: 3, this_hurts_presses: 1 }),
    ]);
  });

  it('keeps spasm entries, lists joined, and leaves out entries being deleted', async () => {
    h = openHarness();
    const kept = await h.call<SpasmRecord>('spasms:create', sampleSpasm({ note: tricky }));
    const gone = await h.call<SpasmRecord>('spasms:create', sampleSpasm({ occurredAt: '2026-11-23T02:00:00+01:00', localDay: '2026-11-23' }));
    await h.call('entries:delete', { kind: 'spasm', id: gone.id });
    const rows = parse(await exportTable('spasms'));
    expect(rows).toEqual([
      expect.objectContaining({ spasm_id: kept.id, lived_day: '2026-11-23', occurred_at: '2026-11-24T03:10:00+01:00', intensity: 7, lying_position: 'side', possible_triggers: 'long-sitting', what_helped: 'heat; stretching', note: tricky }),
    ]);
  });

  it.each([
    ['=HYPERLINK("http://x","click")'],
    ['+1+2'],
    ['-2+3'],
    ['@SUM(A1)'],
    ['\tleading tab'],
    ['\rleading return'],
    ['=1+1\nsecond line'],
  ])('guards a note starting like a formula (%j) with a quote, and it reads back with that quote', async (note) => {
    h = openHarness();
    await h.call('spasms:create', sampleSpasm({ note }));
    const [row] = parse(await exportTable('spasms'));
    expect(row!.note).toBe(`'${note}`);
  });

  it('leaves negative numbers alone: only text is guarded', async () => {
    h = openHarness();
    await h.call('sessions:save', sampleSession({ note: 'fine' }));
    const line = (await exportTable('sessions')).text.split('\r\n')[1]!;
    expect(line).not.toContain("'");
  });

  it('writes a table longer than one piece exactly as one Papa Parse call over every row would', () => {
    const notes = ['plain', tricky, '=1+1', '-2', '@home', ' padded ', 'a,b', '"quoted"', ''];
    const records = Array.from({ length: ROWS_PER_PIECE * 2 + 7 }, (_, i) => ({ n: i, note: notes[i % notes.length]!, when: i % 3 === 0 ? null : `2026-11-${String((i % 28) + 1).padStart(2, '0')}` }));
    const columns = [
      { name: 'n', value: (r: (typeof records)[number]) => r.n },
      { name: 'note', value: (r: (typeof records)[number]) => r.note },
      { name: 'when', value: (r: (typeof records)[number]) => r.when },
    ];
    const whole = Papa.unparse([columns.map((c) => c.name), ...records.map((r) => columns.map((c) => c.value(r)))], { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ });
    expect(writeCsv(columns, records)).toBe(whole);
    expect(writeCsv(columns, [])).toBe('n,note,when');
  });
});
