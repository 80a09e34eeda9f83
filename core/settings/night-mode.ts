import type { Settings } from './settings-schema';

/** Night mode that came on by itself goes off at this local hour, when most people are up. */
export const NIGHT_ENDS_HOUR = 7;

/**
 * A one-tap change made while night mode is automatic: it holds until the
 * next change of the automatic state (the evening hour or the morning), so
 * "off tonight" does not also switch tomorrow night off.
 */
export interface NightOverride {
  on: boolean;
  /** Epoch milliseconds when the override lapses. */
  untilMs: number;
}

type NightSettings = Pick<Settings, 'nightMode' | 'nightFromHour'>;

/** Whether the automatic night window holds this local hour: from the chosen evening hour until 7 a.m. */
export function isNightHour(hour: number, fromHour: number): boolean {
  return hour >= fromHour || hour < NIGHT_ENDS_HOUR;
}

/** The next local time at which the automatic state changes (the evening hour or 7 a.m.). */
export function nextNightChange(now: Date, fromHour: number): Date {
  const hour = now.getHours();
  const changeHour = isNightHour(hour, fromHour) ? NIGHT_ENDS_HOUR : fromHour;
  const next = new Date(now);
  next.setHours(changeHour, 0, 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next;
}

/** Whether night mode is on now: by the setting, or by the clock when automatic (unless overridden for tonight). */
export function isNightModeOn(settings: NightSettings, now: Date, override: NightOverride | null): boolean {
  if (settings.nightMode !== 'auto') return settings.nightMode === 'on';
  if (override && now.getTime() < override.untilMs) return override.on;
  return isNightHour(now.getHours(), settings.nightFromHour);
}

/**
 * What one tap on the night-mode switch changes: a fixed setting flips; an
 * automatic one keeps its schedule and is overridden until its next change.
 */
export function toggleNightMode(settings: NightSettings, now: Date, override: NightOverride | null): { nightMode?: 'on' | 'off'; override: NightOverride | null } {
  const on = !isNightModeOn(settings, now, override);
  if (settings.nightMode !== 'auto') return { nightMode: on ? 'on' : 'off', override: null };
  return { override: { on, untilMs: nextNightChange(now, settings.nightFromHour).getTime() } };
}
