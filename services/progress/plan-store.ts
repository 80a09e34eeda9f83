import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defaultPlan, planSchema, type Plan, type PlanTarget } from '../../core/plan/plan-schema';
import { addDays } from '../../core/progress/calendar-days';
import { RequestError } from '../storage/storage-errors';
import type { StoredDocument } from '../storage/stored-document';
import { firstVersionSpec, type DocumentSpec } from '../storage/versioned-document';

const planFileSchema = z.strictObject({ schemaVersion: z.literal(1), plan: planSchema.nullable() });
type PlanFile = z.infer<typeof planFileSchema>;

/** `plan.json`: the plan's versions and pauses; null until the app first needs it. */
export const planFileSpec: DocumentSpec<PlanFile> = firstVersionSpec({
  name: 'plan',
  label: 'your plan',
  schema: planFileSchema,
  empty: () => ({ schemaVersion: 1, plan: null }),
});


/**
 * The plan. Every change is a new version from today, so older days stay
 * judged by the plan in force on them; a second change on the same day
 * replaces that day's version.
 */
export class PlanStore {
  constructor(private readonly doc: StoredDocument<PlanFile>) {}

  /** The plan, created as the default (bedtime routine every evening) from `today` on first use. */
  current(today: string): Plan {
    const stored = this.doc.value.plan;
    if (stored) return stored;
    const plan = defaultPlan(today);
    this.save(plan);
    return plan;
  }

  change(today: string, target: PlanTarget): Plan {
    const plan = this.current(today);
    const earlier = plan.versions.filter((version) => version.startsOn < today);
    // Before the first version (a clock set back): the new target simply takes over from today.
    return this.save({ ...plan, versions: [...earlier, { startsOn: today, target }] });
  }

  pause(today: string, from: string, to: string, reason: string): Plan {
    const plan = this.current(today);
    if (plan.pauses.some((p) => p.from <= to && from <= p.to)) throw new RequestError('from', 'plan:pause: from: This overlaps a pause already planned: change that one instead');
    return this.save({ ...plan, pauses: [...plan.pauses, { id: randomUUID(), from, to, reason }].sort((a, b) => (a.from < b.from ? -1 : 1)) });
  }

  /** A routine today's plan asks for cannot go: the plan would ask for something that is not there. */
  refuseIfPlanned(today: string, routineId: string, request: string): void {
    const target = this.current(today).versions.at(-1)!.target;
    if (target.kind === 'routines-on-days' && target.routines.some((r) => r.routineId === routineId)) {
      throw new RequestError('routineId', `${request}: routineId: This routine is in your plan: take it out of your plan first`);
    }
  }

  /** Ends a pause: one not yet begun is removed; one under way ends yesterday, so today counts again. */
  endPause(today: string, id: string): Plan {
    const plan = this.current(today);
    const pause = plan.pauses.find((p) => p.id === id);
    if (!pause) throw new RequestError('id', 'plan:end-pause: id: No pause with this id');
    const others = plan.pauses.filter((p) => p.id !== id);
    if (pause.from >= today) return this.save({ ...plan, pauses: others });
    const ended = { ...pause, to: pause.to < today ? pause.to : addDays(today, -1) };
    return this.save({ ...plan, pauses: [...others, ended].sort((a, b) => (a.from < b.from ? -1 : 1)) });
  }

  private save(plan: Plan): Plan {
    this.doc.write({ schemaVersion: 1, plan });
    return plan;
  }
}
