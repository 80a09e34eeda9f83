import { beforeEach, describe, expect, it } from 'vitest';
import type { RoutineProgress } from '../../../core/log/progress-schema';
import { secondsToSay } from '../../../core/player/time-to-speak';
import { phaseAnnouncement } from '../../../core/player/phase-words';
import type { RoutinePlan } from '../../../core/player/timeline';
import { defaultSettings } from '../../../core/settings/settings-schema';
import { bundledContentDir, loadValidContentDir } from '../../../exercises/load-content';
import { useLibraryStore } from '../../../renderer/src/stores/library';
import { createFakeApi, installFakeApi } from './support/fake-api';

const content = loadValidContentDir(bundledContentDir);
const bedtime = content.routines.find((routine) => routine.id === 'bedtime-spasm-relief')!;
const seconds = (plan: RoutinePlan, index: number) => (plan.phases[index]!.endMs - plan.phases[index]!.startMs) / 1000;
/** Every get-ready lasts at least as long as its words take at voice speed 1. */
const getReadiesFitTheirWords = (plan: RoutinePlan) =>
  plan.phases.filter((phase) => phase.kind === 'prepare').every((phase) => phase.endMs - phase.startMs >= secondsToSay(phaseAnnouncement(phase, plan.items[phase.itemIndex]!), 1) * 1000);

let library: ReturnType<typeof useLibraryStore>;

beforeEach(async () => {
  installFakeApi(createFakeApi({ 'content:load': () => ({ ...content, prescriptions: [] }) }));
  library = useLibraryStore();
  await library.load();
});

describe('the library plans each routine as it will play', () => {
  it('with spoken cues on, each get-ready fits its words; off, the routine keeps its own 10 s; a chosen lead-in is the floor', () => {
    expect(seconds(library.planFor(bedtime, null), 0)).toBe(12);
    expect(seconds(library.planFor(bedtime, { ...defaultSettings, voiceCues: false }), 0)).toBe(10);
    expect(seconds(library.planFor(bedtime, { ...defaultSettings, leadInSeconds: 20 }), 0)).toBe(20);
    expect(seconds(library.planFor(bedtime, { ...defaultSettings, leadInSeconds: 3, voiceRate: 0.5 }), 0)).toBe(23);
  });

  it('an easier version chosen mid-routine, or replayed on resuming, is timed the same way', () => {
    const plan = library.planFor(bedtime, defaultSettings);
    const tilts = plan.items.findIndex((item) => item.exercise.id === 'pelvic-tilt');
    const easier = library.easierAt(plan, tilts, defaultSettings)!;
    expect(easier.items[tilts]!.exercise.id).toBe('small-pelvic-tilts');
    expect(getReadiesFitTheirWords(easier)).toBe(true);
    expect(seconds(easier, 0)).toBe(12);

    const saved: RoutineProgress['exercises'] = easier.items.map((item) => ({
      exerciseId: item.exercise.id,
      name: item.exercise.name,
      outcome: 'not-reached',
      dose: item.dose,
      workDone: 0,
      workTotal: 1,
      ...(item.easierVersionOf ? { easierVersionOf: item.easierVersionOf } : {}),
    }));
    const resumed = library.planFor(bedtime, defaultSettings, saved);
    expect(resumed.phases).toEqual(easier.phases);
    expect(resumed.items[tilts]).toMatchObject({ exercise: { id: 'small-pelvic-tilts' }, easierVersionOf: 'pelvic-tilt' });
  });
});
