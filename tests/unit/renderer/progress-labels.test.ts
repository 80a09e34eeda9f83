import { describe, expect, it } from 'vitest';
import { countText, shortDay } from '../../../renderer/src/format/progress-labels';

describe('progress labels', () => {
  it('writes counts of thousands with a separator, as words read them', () => {
    expect(countText(7)).toBe('7');
    expect(countText(1619)).toBe('1,619');
    expect(countText(12_345)).toBe('12,345');
  });

  it('labels a calendar day the same every time it is asked (the label is remembered)', () => {
    expect(shortDay('2026-11-02')).toBe('2 Nov');
    expect(shortDay('2026-11-02')).toBe('2 Nov');
    expect(shortDay('2024-02-29')).toBe('29 Feb');
  });
});
