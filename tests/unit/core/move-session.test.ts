import { describe, expect, it } from 'vitest';
import { withStartTime } from '../../../core/log/move-session';

const played = {
  startedAt: '2026-11-24T21:30:00+01:00',
  endedAt: '2026-11-24T21:42:30+01:00',
  localDay: '2026-11-24',
  painEvents: [{ exerciseId: 'bird-dog', at: '2026-11-24T21:36:10+01:00', positionMs: 370_000 }],
};

describe('withStartTime', () => {
  it('moves the end and the "This hurts" moments with the start, keeping the length', () => {
    const moved = withStartTime(played, '2026-11-24T20:00:00+01:00');
    expect(moved).toEqual({
      startedAt: '2026-11-24T20:00:00+01:00',
      endedAt: '2026-11-24T20:12:30+01:00',
      localDay: '2026-11-24',
      painEvents: [{ exerciseId: 'bird-dog', at: '2026-11-24T20:06:10+01:00', positionMs: 370_000 }],
    });
  });

  it('takes the day of the new start, and writes every time in the new start’s offset', () => {
    const moved = withStartTime(played, '2026-11-23T23:55:00-05:00');
    expect(moved.localDay).toBe('2026-11-23');
    expect(moved.endedAt).toBe('2026-11-24T00:07:30-05:00');
    expect(moved.painEvents[0]!.at).toBe('2026-11-24T00:01:10-05:00');
    expect(Date.parse(moved.endedAt) - Date.parse(moved.startedAt)).toBe(12.5 * 60_000);
  });
});
