import { z } from 'zod';
import type { Channel } from '../../core/bridge/channels';
import { localDay, recordId } from '../../core/log/common-fields';
import { routineProgressSchema } from '../../core/log/progress-schema';
import { newSessionSchema, sessionPatchSchema } from '../../core/log/session-schema';
import { newSpasmSchema, spasmPatchSchema } from '../../core/log/spasm-schema';
import { settingsPatchSchema } from '../../core/settings/settings-schema';
import { checkDayOfInstant, checkPlausible, checkRunSpan, checkTimeZone } from './plausible-dates';

/**
 * The schema of every request, checked before any handler runs. Built per
 * clock because "no more than a day ahead" depends on now. Objects are
 * strict: unknown keys are refused so a typo never passes silently.
 */
export function requestSchemas(now: () => Date) {
  const nowMs = () => now().getTime();

  const newSession = newSessionSchema.superRefine((s, ctx) => {
    const at = nowMs();
    checkPlausible(ctx, ['startedAt'], s.startedAt, at);
    checkPlausible(ctx, ['endedAt'], s.endedAt, at);
    checkDayOfInstant(ctx, ['localDay'], s.localDay, s.startedAt);
    checkRunSpan(ctx, s.startedAt, ['endedAt'], s.endedAt, s.exercisedMs);
    checkTimeZone(ctx, ['timeZone'], s.timeZone);
    s.painEvents.forEach((e, i) => checkPlausible(ctx, ['painEvents', i, 'at'], e.at, at));
    s.exercises.forEach((e, i) => {
      if (e.workDone > e.workTotal) ctx.addIssue({ code: 'custom', path: ['exercises', i, 'workDone'], message: 'Cannot be more than workTotal' });
    });
  });

  const newSpasm = newSpasmSchema.superRefine((s, ctx) => {
    checkPlausible(ctx, ['occurredAt'], s.occurredAt, nowMs());
    checkDayOfInstant(ctx, ['localDay'], s.localDay, s.occurredAt);
    checkTimeZone(ctx, ['timeZone'], s.timeZone);
  });

  const sessionPatch = sessionPatchSchema.superRefine((p, ctx) => checkPlausible(ctx, ['startedAt'], p.startedAt, nowMs()));

  const spasmPatch = spasmPatchSchema.superRefine((p, ctx) => {
    checkPlausible(ctx, ['occurredAt'], p.occurredAt, nowMs());
    if (p.localDay !== undefined && p.occurredAt !== undefined) checkDayOfInstant(ctx, ['localDay'], p.localDay, p.occurredAt);
    checkTimeZone(ctx, ['timeZone'], p.timeZone);
  });

  const progress = routineProgressSchema.superRefine((p, ctx) => {
    const at = nowMs();
    checkPlausible(ctx, ['startedAt'], p.startedAt, at);
    checkPlausible(ctx, ['savedAt'], p.savedAt, at);
    checkRunSpan(ctx, p.startedAt, ['savedAt'], p.savedAt, p.exercisedMs);
    p.painEvents.forEach((e, i) => checkPlausible(ctx, ['painEvents', i, 'at'], e.at, at));
  });

  const historyQuery = z
    .strictObject({
      from: localDay.optional(),
      to: localDay.optional(),
      routineId: z.string().min(1).max(80).optional(),
      kinds: z.array(z.enum(['session', 'spasm'])).min(1).max(2).refine((k) => new Set(k).size === k.length, 'Each kind may appear once').optional(),
      limit: z.number().int().min(1).max(500).optional(),
      cursor: z.string().min(1).max(500).optional(),
    })
    .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['to'], message: 'Must not be before from' });

  const settingsPatch = settingsPatchSchema.superRefine((p, ctx) => checkPlausible(ctx, ['safetyAcknowledgedAt'], p.safetyAcknowledgedAt, nowMs()));
  const byId = z.strictObject({ id: recordId });

  return {
    'content:load': z.null(),
    'settings:get': z.null(),
    'settings:update': settingsPatch,
    'sessions:save': newSession,
    'sessions:update': z.strictObject({ id: recordId, patch: sessionPatch }),
    'spasms:create': newSpasm,
    'spasms:update': z.strictObject({ id: recordId, patch: spasmPatch }),
    'history:list': historyQuery,
    'entries:delete': z.strictObject({ kind: z.enum(['session', 'spasm']), id: recordId }),
    'entries:undo-delete': byId,
    'entries:confirm-delete': byId,
    'entries:pending-deletions': z.null(),
    'progress:save': progress,
    'progress:get': z.null(),
    'progress:clear': z.null(),
    'storage:notices': z.null(),
    'storage:dismiss-notice': byId,
  } satisfies Record<Channel, z.ZodType>;
}
