import { describe, expect, it } from 'vitest';
import { countsAsDone } from '../../../core/progress/counts-as-done';
import { painChange } from '../../../core/progress/pain-change';
import { session } from './histories';

const at = '2026-11-25T21:30:00+01:00';

describe('countsAsDone', () => {
  it('counts a completed session, even one where exercises were skipped', () => {
    expect(countsAsDone(session(at, { completedExercises: 0 }))).toBe(true);
  });

  it('counts a session ended early or interrupted once half of its exercises were completed', () => {
    expect(countsAsDone(session(at, { ending: 'ended-early', totalExercises: 4, completedExercises: 2 }))).toBe(true);
    expect(countsAsDone(session(at, { ending: 'interrupted', totalExercises: 3, completedExercises: 2 }))).toBe(true);
    expect(countsAsDone(session(at, { ending: 'interrupted', totalExercises: 1, completedExercises: 1 }))).toBe(true);
  });

  it('does not count one cut short before half', () => {
    expect(countsAsDone(session(at, { ending: 'ended-early', totalExercises: 3, completedExercises: 1 }))).toBe(false);
    expect(countsAsDone(session(at, { ending: 'interrupted', totalExercises: 5, completedExercises: 2 }))).toBe(false);
    expect(countsAsDone(session(at, { ending: 'ended-early', totalExercises: 1, completedExercises: 0 }))).toBe(false);
  });
});

describe('painChange', () => {
  it('calls two points up "rose" and two points down "eased"', () => {
    expect(painChange(3, 5)).toBe('rose');
    expect(painChange(5, 3)).toBe('eased');
    expect(painChange(0, 10)).toBe('rose');
  });

  it('calls one point either way no change', () => {
    expect(painChange(4, 5)).toBeNull();
    expect(painChange(5, 4)).toBeNull();
    expect(painChange(6, 6)).toBeNull();
  });

  it('has no change when a score is missing', () => {
    expect(painChange(null, 5)).toBeNull();
    expect(painChange(5, null)).toBeNull();
  });
});
