import { describe, expect, it } from 'vitest';
import { currentStreak, firstReached, longestStreak, weekStep, type StreakStep } from '../../../core/progress/streaks';

const steps = (text: string): StreakStep[] => [...text].map((c) => (c === 'm' ? 'met' : c === 'x' ? 'missed' : 'neutral'));

describe('streaks', () => {
  it('skips neutral steps: they neither break nor extend', () => {
    expect(currentStreak(steps('mm-m-'))).toBe(3);
    expect(longestStreak(steps('mm-m-'))).toBe(3);
  });

  it('is broken by a missed step and starts again after it', () => {
    expect(currentStreak(steps('mmmxmm'))).toBe(2);
    expect(longestStreak(steps('mmmxmm'))).toBe(3);
    expect(currentStreak(steps('mmmx-'))).toBe(0);
  });

  it('finds the step on which a streak first reached a length', () => {
    expect(firstReached(steps('mmxm-mm'), 3)).toBe(6);
    expect(firstReached(steps('mmxm-mm'), 4)).toBeNull();
  });

  it('lets the current week extend a streak but not break it', () => {
    expect(weekStep({ planned: 3, done: 1 }, true)).toBe('neutral');
    expect(weekStep({ planned: 3, done: 3 }, true)).toBe('met');
    expect(weekStep({ planned: 3, done: 2 }, false)).toBe('missed');
    expect(weekStep({ planned: 0, done: 0 }, false)).toBe('neutral');
  });
});
