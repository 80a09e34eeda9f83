import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, dayNumberOf, dayText, monthOf, weekStartOf, weekdayOf } from '../../../core/progress/calendar-days';

describe('calendar days', () => {
  it('counts days as Date.UTC does, both ways, for every day from 1970 to 2100', () => {
    for (let ms = Date.UTC(1970, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += 86_400_000) {
      const date = new Date(ms);
      const text = date.toISOString().slice(0, 10);
      const number = ms / 86_400_000;
      if (dayNumberOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) !== number) throw new Error(`dayNumberOf ${text}`);
      if (dayText(number) !== text) throw new Error(`dayText ${number} is ${dayText(number)}, not ${text}`);
    }
  });

  it('steps over month ends, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayNumber('2026-11-25') - dayNumber('2026-03-29')).toBe(241);
  });

  it('names weekdays from Sunday 0 and finds Monday and Sunday week starts', () => {
    expect(weekdayOf('2026-11-22')).toBe(0); // a Sunday
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(weekStartOf('2026-11-25', 'monday')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-22', 'monday')).toBe('2026-11-16');
    expect(weekStartOf('2026-11-22', 'sunday')).toBe('2026-11-22');
    expect(weekStartOf('2026-11-28', 'sunday')).toBe('2026-11-22');
    expect(monthOf('2026-11-25')).toBe('2026-11');
  });
});
