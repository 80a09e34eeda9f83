import { computeDashboard, type Dashboard, type DashboardInput, type ProgressSettings, type RangeKey } from '../../../core/progress/dashboard';
import type { SessionFacts, SpasmFacts } from '../../../core/progress/session-facts';
import type { Plan, PlanPause, PlanTarget } from '../../../core/plan/plan-schema';
import { planSchema } from '../../../core/plan/plan-schema';

/**
 * Small builders for hand-made histories. Every instant is written out in
 * full by the tests (with its offset), so what a test means by "21:30 in
 * London" is visible right where its expected answer is.
 */

export const BEDTIME = 'bedtime-spasm-relief';
export const MORNING = 'morning-mobility';

type SessionOptions = Partial<Omit<SessionFacts, 'startedAt'>> & { completedExercises?: number; totalExercises?: number };

let nextId = 1;

/**
 * A session starting at `startedAt`: by default the bedtime routine, completed,
 * 10 minutes, three exercises all completed, no pain scores.
 */
export function session(startedAt: string, options: SessionOptions = {}): SessionFacts {
  const { completedExercises, totalExercises = 3, ...facts } = options;
  const completed = completedExercises ?? totalExercises;
  const routineId = facts.routineId ?? BEDTIME;
  return {
    id: `session-${nextId++}`,
    routineId,
    routineName: routineId === BEDTIME ? 'Bedtime spasm relief' : 'Morning mobility',
    startedAt,
    timeZone: 'Europe/London',
    exercisedMs: 10 * 60_000,
    ending: 'completed',
    painBefore: null,
    painAfter: null,
    exercises: Array.from({ length: totalExercises }, (_, i) => ({
      exerciseId: `exercise-${i + 1}`,
      name: `Exercise ${i + 1}`,
      outcome: i < completed ? ('completed' as const) : ('not-reached' as const),
    })),
    hurts: {},
    ...facts,
  };
}

export function spasm(occurredAt: string, intensity: number): SpasmFacts {
  return { id: `spasm-${nextId++}`, occurredAt, intensity };
}

const everyDay = [0, 1, 2, 3, 4, 5, 6];

export const bedtimeEveryDay: PlanTarget = { kind: 'routines-on-days', routines: [{ routineId: BEDTIME, weekdays: everyDay }] };
export const weekly = (sessionsPerWeek: number): PlanTarget => ({ kind: 'sessions-per-week', sessionsPerWeek });

let nextPause = 0;
export function pause(from: string, to: string): PlanPause {
  nextPause++;
  return { id: `00000000-0000-4000-8000-${String(nextPause).padStart(12, '0')}`, from, to, reason: 'Flu' };
}

/** A plan from versions [startsOn, target] and pauses, checked against the schema so tests cannot build an impossible one. */
export function plan(versions: [string, PlanTarget][], pauses: PlanPause[] = []): Plan {
  return planSchema.parse({ versions: versions.map(([startsOn, target]) => ({ startsOn, target })), pauses });
}

export interface Scenario {
  sessions?: SessionFacts[];
  spasms?: SpasmFacts[];
  plan: Plan;
  now: string;
  range?: RangeKey;
  settings?: Partial<ProgressSettings>;
}

export function dashboardOf(scenario: Scenario): Dashboard {
  const input: DashboardInput = {
    sessions: scenario.sessions ?? [],
    spasms: scenario.spasms ?? [],
    plan: scenario.plan,
    settings: { dayStartHour: 4, weekStartsOn: 'monday', ...scenario.settings },
    now: scenario.now,
    range: scenario.range ?? '4-weeks',
  };
  return computeDashboard(input);
}

/** The calendar as "day status" lines from `from` on, easy to read in a failing test. */
export function calendarFrom(dashboard: Dashboard, from: string): string[] {
  return dashboard.calendar.filter((entry) => entry.day >= from).map((entry) => `${entry.day} ${entry.status}`);
}

export function weekOf(dashboard: Dashboard, weekStart: string) {
  const week = dashboard.weeks.find((w) => w.weekStart === weekStart);
  if (!week) throw new Error(`No week starting ${weekStart}`);
  return week;
}
