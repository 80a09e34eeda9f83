import { describe, expect, it } from 'vitest';
import { endTimeOfRun, shiftKeepingOffset } from '../../../core/log/end-time';

describe('shiftKeepingOffset', () => {
  it('moves an instant and writes it in the same offset', () => {
    expect(shiftKeepingOffset('2026-11-24T21:30:00+01:00', 12 * 60_000)).toBe('2026-11-24T21:42:00+01:00');
    expect(shiftKeepingOffset('2026-11-24T23:55:00-05:00', 10 * 60_000)).toBe('2026-11-25T00:05:00-05:00');
    expect(shiftKeepingOffset('2026-11-24T10:00:00+05:30', 90 * 60_000)).toBe('2026-11-24T11:30:00+05:30');
    expect(shiftKeepingOffset('2026-11-24T10:00:00.250Z', 1000)).toBe('2026-11-24T10:00:01Z');
  });

  it('keeps the instant itself exact', () => {
    const shifted = shiftKeepingOffset('2026-03-29T00:50:00+00:00', 20 * 60_000);
    expect(Date.parse(shifted) - Date.parse('2026-03-29T00:50:00+00:00')).toBe(20 * 60_000);
  });
});

describe('endTimeOfRun', () => {
  const startedAt = '2026-11-24T21:30:00+01:00';

  it('uses the wall clock when it moved forward normally', () => {
    expect(endTimeOfRun(startedAt, 10 * 60_000, '2026-11-24T21:42:00+01:00')).toBe('2026-11-24T21:42:00+01:00');
  });

  it('keeps an end in another offset when it is later in fact (daylight saving or travel)', () => {
    expect(endTimeOfRun(startedAt, 10 * 60_000, '2026-11-24T20:45:00+00:00')).toBe('2026-11-24T20:45:00+00:00');
  });

  it('puts the end at start plus exercise when the clock jumped back during the run', () => {
    expect(endTimeOfRun(startedAt, 10 * 60_000, '2026-11-24T20:35:00+01:00')).toBe('2026-11-24T21:40:00+01:00');
  });

  it('never ends sooner than the exercise took, rounding up to the second', () => {
    const end = endTimeOfRun(startedAt, 10 * 60_000 + 400, '2026-11-24T21:35:00+01:00');
    expect(end).toBe('2026-11-24T21:40:01+01:00');
    expect(Date.parse(end) - Date.parse(startedAt)).toBeGreaterThanOrEqual(10 * 60_000 + 400);
  });
});
