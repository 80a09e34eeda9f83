import { describe, expect, it } from 'vitest';
import { livedDay, livedDayNumber } from '../../../core/progress/lived-day';

describe('lived day', () => {
  it('puts 00:40 on the evening before when the day starts at 4', () => {
    expect(livedDay('2026-11-25T00:40:00+01:00', 4)).toBe('2026-11-24');
  });

  it('judges a session by its start: 03:50 is the night before, 04:00 is the new day', () => {
    expect(livedDay('2026-11-25T03:50:00+01:00', 4)).toBe('2026-11-24');
    expect(livedDay('2026-11-25T04:00:00+01:00', 4)).toBe('2026-11-25');
  });

  it('starts the day at midnight with dayStartHour 0, and at 06:00 with 6', () => {
    expect(livedDay('2026-11-25T00:00:00+01:00', 0)).toBe('2026-11-25');
    expect(livedDay('2026-11-24T23:59:59+01:00', 0)).toBe('2026-11-24');
    expect(livedDay('2026-11-25T05:59:00+01:00', 6)).toBe('2026-11-24');
    expect(livedDay('2026-11-25T06:00:00+01:00', 6)).toBe('2026-11-25');
  });

  it('reads the wall clock as written, whatever the offset, never converting it', () => {
    // The same instant, lived on different days in Tokyo and in New York.
    expect(livedDay('2026-06-03T21:00:00+09:00', 4)).toBe('2026-06-03');
    expect(livedDay('2026-06-03T07:00:00-05:00', 4)).toBe('2026-06-03');
    expect(livedDay('2026-06-02T22:00:00-10:00', 4)).toBe('2026-06-02');
    expect(livedDay('2026-06-03T22:00:00+14:00', 4)).toBe('2026-06-03');
    expect(livedDay('2026-04-05T01:45:00+10:30', 4)).toBe('2026-04-04');
    expect(livedDay('2026-11-25T21:30:00Z', 4)).toBe('2026-11-25');
    expect(livedDay('2026-11-25T21:30:00.250+05:45', 4)).toBe('2026-11-25');
  });

  it('crosses month and year ends when a night belongs to the day before', () => {
    expect(livedDay('2027-01-01T02:00:00+00:00', 4)).toBe('2026-12-31');
    expect(livedDay('2028-03-01T01:00:00+00:00', 4)).toBe('2028-02-29');
  });

  it('refuses text that is not a date-time', () => {
    expect(livedDayNumber('yesterday evening', 4)).toBeNull();
    expect(livedDayNumber('2026-11-25', 4)).toBeNull();
    expect(() => livedDay('2026-1x-25T21:00:00Z', 4)).toThrow(RangeError);
  });
});
