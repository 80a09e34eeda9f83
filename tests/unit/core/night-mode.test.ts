import { describe, expect, it } from 'vitest';
import { isNightModeOn, nextNightChange, toggleNightMode } from '../../../core/settings/night-mode';

// Local times, so these hold in whatever zone the tests run (npm test runs them in the host's).
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);
const auto = { nightMode: 'auto', nightFromHour: 21 } as const;

describe('night mode', () => {
  it('follows a fixed setting whatever the hour', () => {
    expect(isNightModeOn({ nightMode: 'on', nightFromHour: 21 }, at(28, 12), null)).toBe(true);
    expect(isNightModeOn({ nightMode: 'off', nightFromHour: 21 }, at(28, 23), null)).toBe(false);
  });

  it('comes on by itself from the chosen hour until 7 a.m.', () => {
    const hours = [[20, 59], [21, 0], [23, 30], [0, 10], [6, 59], [7, 0], [12, 0]] as const;
    expect(hours.map(([hour, minute]) => isNightModeOn(auto, at(28, hour, minute), null))).toEqual([false, true, true, true, true, false, false]);
  });

  it('a tap while automatic holds until the next change, then the schedule takes over again', () => {
    const tapped = toggleNightMode(auto, at(28, 22), null);
    expect(tapped.nightMode).toBeUndefined(); // the schedule itself is kept
    expect(tapped.override).toEqual({ on: false, untilMs: at(29, 7).getTime() });
    expect(isNightModeOn(auto, at(29, 2), tapped.override)).toBe(false);
    expect(isNightModeOn(auto, at(29, 21), tapped.override)).toBe(true); // the next night
    const onByDay = toggleNightMode(auto, at(28, 15), null);
    expect(onByDay.override).toEqual({ on: true, untilMs: at(28, 21).getTime() });
    expect(isNightModeOn(auto, at(28, 20), onByDay.override)).toBe(true);
  });

  it('a tap on a fixed setting flips the setting itself', () => {
    expect(toggleNightMode({ nightMode: 'off', nightFromHour: 21 }, at(28, 22), null)).toEqual({ nightMode: 'on', override: null });
    expect(toggleNightMode({ nightMode: 'on', nightFromHour: 21 }, at(28, 22), null)).toEqual({ nightMode: 'off', override: null });
  });

  it('the next change is always ahead, after midnight too', () => {
    expect(nextNightChange(at(28, 23), 21)).toEqual(at(29, 7));
    expect(nextNightChange(at(29, 1), 21)).toEqual(at(29, 7));
    expect(nextNightChange(at(29, 7), 21)).toEqual(at(29, 21));
  });
});
