import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentBundle } from '../../../core/bridge/requests';
import { openHarness, type Harness } from '../storage/support/harness';

let h: Harness;
afterEach(() => h.services.close());

const example = readFileSync('exercises/prescribed/example-prescribed-routine.json', 'utf8');
const now = '2026-11-24T21:00:00+01:00';

describe('routines from a therapist', () => {
  it('adds a checked file to the library for good, its own exercises renamed under the routine, marked with who prescribed it', async () => {
    h = openHarness();
    const bundled = await h.call<ContentBundle>('content:load', null);
    await h.call('routines:add', { text: example });
    h = h.restart();
    const library = await h.call<ContentBundle>('content:load', null);
    expect(library.routines).toHaveLength(bundled.routines.length + 1);
    const routine = library.routines.at(-1)!;
    expect(routine.id).toBe('prescribed-evening-routine-from-jo-smith');
    expect(routine.items.map((item) => item.exerciseId)).toContain('prescribed-evening-routine-from-jo-smith-side-lying-knee-hug');
    expect(library.exercises.map((e) => e.id)).toContain('prescribed-evening-routine-from-jo-smith-side-lying-knee-hug');
    expect(library.prescriptions).toEqual([
      expect.objectContaining({ routineId: routine.id, prescribedBy: 'Jo Smith, physiotherapist, Riverside Physio Clinic', prescribedOn: '2025-03-14' }),
    ]);
  });

  it('takes the same file twice as two routines, each with its own exercises, and removes one without touching the other', async () => {
    h = openHarness();
    await h.call('routines:add', { text: example });
    const twice = await h.call<ContentBundle>('routines:add', { text: example });
    const ids = twice.prescriptions.map((p) => p.routineId);
    expect(ids).toEqual(['prescribed-evening-routine-from-jo-smith', 'prescribed-evening-routine-from-jo-smith-2']);
    expect(new Set(twice.exercises.map((e) => e.id)).size).toBe(twice.exercises.length);
    const after = await h.call<ContentBundle>('routines:remove', { now, routineId: ids[0] });
    expect(after.prescriptions.map((p) => p.routineId)).toEqual([ids[1]]);
  });

  it('refuses a bad file with what is wrong and adds nothing; refuses to remove a routine the plan asks for, or a bundled one', async () => {
    h = openHarness();
    const bad = await h.table.handle('routines:add', { text: example.replace('"reps": 8, "secondsPerRep": 4', '"reps": 500, "secondsPerRep": 4') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'text', message: expect.stringMatching(/reps/) } });
    expect((await h.call<ContentBundle>('content:load', null)).prescriptions).toEqual([]);

    const added = await h.call<ContentBundle>('routines:add', { text: example });
    const routineId = added.prescriptions[0]!.routineId;
    await h.call('plan:change', { now, target: { kind: 'routines-on-days', routines: [{ routineId, weekdays: [1, 3, 5] }] } });
    expect(await h.table.handle('routines:remove', { now, routineId })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/in your plan/) } });
    expect(await h.table.handle('routines:remove', { now, routineId: 'core-strength' })).toMatchObject({ ok: false, error: { field: 'routineId' } });
  });
});
