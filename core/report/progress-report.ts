import type { Dose } from '../content/exercise-schema';
import type { EffortRating, MorningFeeling, SessionRecord } from '../log/session-schema';
import type { SafetyCheck } from '../safety/safety-check';
import type { SpasmRecord } from '../log/spasm-schema';
import type { Plan, PlanPause, PlanVersion } from '../plan/plan-schema';
import { addDays, dayNumber, weekStartNumber, dayText } from '../progress/calendar-days';
import { dashboardOfSpan, type Dashboard, type LivedHistory, type PainPoint } from '../progress/dashboard';
import { livedDay } from '../progress/lived-day';
import { adherencePercent } from '../progress/period-figures';
import { comparePain, compareSpasmNights, type PainComparison, type SpasmComparison } from './report-comparisons';

/**
 * The therapist's progress report: the dashboard's figures over the chosen
 * lived days (the same core functions, so the report cannot disagree with
 * the dashboard), plus what a therapist reads first: every "This hurts",
 * every session where pain rose, every strong spasm, and the notes.
 */

export const STRONG_SPASM = 8;

export interface ReportInput {
  history: LivedHistory;
  plan: Plan;
  /** The log's records (any span; those outside the report's days are left out). */
  sessions: readonly SessionRecord[];
  spasms: readonly SpasmRecord[];
  /** The four-weekly warning-sign checks (any span). */
  safetyChecks: readonly SafetyCheck[];
  /** Lived days, inclusive. */
  from: string;
  to: string;
}

/** What the person chose after pressing "This hurts", read from what happened next. */
export type HurtChoice = 'skipped-and-went-on' | 'ended-the-routine' | 'skipped-the-last-exercise';

export interface HurtEvent {
  day: string;
  at: string;
  routineName: string;
  exerciseName: string;
  choice: HurtChoice;
}

export interface StrongSpasm {
  day: string;
  occurredAt: string;
  intensity: number;
  duration: SpasmRecord['duration'];
  note: string;
}

export interface ReportExercise {
  exerciseId: string;
  name: string;
  /** The dose of its latest session in the span: what the app had the person do. */
  dose: Dose;
  done: number;
  skipped: number;
  stoppedForPain: number;
  hurts: number;
  /** How hard the sessions that included it felt (the person rates the whole session). */
  effort: Record<EffortRating, number>;
}

export interface ReportNote {
  day: string;
  at: string;
  kind: 'session' | 'spasm';
  /** The routine's name, or the spasm's intensity in words. */
  about: string;
  text: string;
}

export interface ProgressReport {
  from: string;
  to: string;
  today: string;
  dashboard: Dashboard;
  totals: { planned: number; done: number; adherencePercent: number | null; minutes: number; sessions: number };
  pain: PainComparison | null;
  spasmNights: SpasmComparison | null;
  hurts: HurtEvent[];
  painRises: PainPoint[];
  strongSpasms: StrongSpasm[];
  exercises: ReportExercise[];
  plan: { versions: (PlanVersion & { endsOn: string | null })[]; pauses: PlanPause[] };
  notes: ReportNote[];
  /** The four-weekly "Any of these new?" answers given in the span. */
  safetyChecks: SafetyCheck[];
  /** Exercises the person swapped for their easier version in the player, and how often. */
  easierChoices: { from: string; to: string; times: number }[];
  /** The morning after evening sessions, as the person answered: how many times better, same, worse. */
  mornings: Record<MorningFeeling, number>;
}

const inSpan = (day: string, from: string, to: string) => day >= from && day <= to;

/** What happened after a "This hurts" on exercise `index`: a later exercise begun means they went on. */
function hurtChoice(session: SessionRecord, index: number): HurtChoice {
  const wentOn = session.exercises.slice(index + 1).some((exercise) => exercise.outcome !== 'not-reached');
  if (wentOn) return 'skipped-and-went-on';
  if (index === session.exercises.length - 1) return 'skipped-the-last-exercise';
  return 'ended-the-routine';
}

function hurtEvents(sessions: readonly SessionRecord[], dayOf: (s: SessionRecord) => string): HurtEvent[] {
  return sessions.flatMap((session) =>
    session.painEvents.map((event) => {
      const index = session.exercises.findIndex((exercise) => exercise.exerciseId === event.exerciseId);
      return {
        day: dayOf(session),
        at: event.at,
        routineName: session.routine.name,
        exerciseName: session.exercises[index]?.name ?? event.exerciseId,
        choice: hurtChoice(session, index),
      };
    }),
  );
}

function reportExercises(dashboard: Dashboard, sessions: readonly SessionRecord[]): ReportExercise[] {
  return dashboard.exercises.flatMap((figures) => {
    const including = sessions.filter((session) => session.exercises.some((e) => e.exerciseId === figures.exerciseId));
    const latest = including[including.length - 1]?.exercises.find((e) => e.exerciseId === figures.exerciseId);
    if (!latest) return [];
    const effort: Record<EffortRating, number> = { 'too-easy': 0, 'about-right': 0, 'too-hard': 0 };
    for (const session of including) if (session.effort) effort[session.effort]++;
    const { exerciseId, name, done, skipped, stoppedForPain, hurts } = figures;
    return [{ exerciseId, name, dose: latest.dose, done, skipped, stoppedForPain, hurts, effort }];
  });
}

/** The plan versions in force on some day of the span (with the day each ended), and the pauses touching it. */
function planOfSpan(plan: Plan, from: string, to: string): ProgressReport['plan'] {
  const versions = plan.versions.map((version, i) => {
    const next = plan.versions[i + 1];
    return { ...version, endsOn: next ? addDays(next.startsOn, -1) : null };
  });
  return {
    versions: versions.filter((v) => v.startsOn <= to && (v.endsOn === null || v.endsOn >= from)),
    pauses: plan.pauses.filter((p) => p.from <= to && p.to >= from),
  };
}

function notesOf(sessions: readonly SessionRecord[], spasms: readonly SpasmRecord[], dayOfSession: (s: SessionRecord) => string, dayOfSpasm: (s: SpasmRecord) => string): ReportNote[] {
  const notes: ReportNote[] = [
    ...sessions.filter((s) => s.note.trim()).map((s) => ({ day: dayOfSession(s), at: s.startedAt, kind: 'session' as const, about: s.routine.name, text: s.note.trim() })),
    ...spasms.filter((s) => s.note.trim()).map((s) => ({ day: dayOfSpasm(s), at: s.occurredAt, kind: 'spasm' as const, about: `Night spasm, ${s.intensity} out of 10`, text: s.note.trim() })),
  ];
  return notes.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : Date.parse(a.at) - Date.parse(b.at)));
}

function easierChoicesOf(sessions: readonly SessionRecord[]): ProgressReport['easierChoices'] {
  const counts = new Map<string, { from: string; to: string; times: number }>();
  for (const session of sessions) {
    for (const exercise of session.exercises) {
      if (!exercise.easierVersionOf) continue;
      const key = `${exercise.easierVersionOf}>${exercise.exerciseId}`;
      const entry = counts.get(key) ?? { from: exercise.easierVersionOf, to: exercise.name, times: 0 };
      entry.times++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()];
}

function morningsOf(sessions: readonly SessionRecord[]): Record<MorningFeeling, number> {
  const mornings: Record<MorningFeeling, number> = { better: 0, same: 0, worse: 0 };
  for (const session of sessions) if (session.morningAfter) mornings[session.morningAfter]++;
  return mornings;
}

export function buildProgressReport(input: ReportInput): ProgressReport {
  const { history, from, to } = input;
  const hour = history.settings.dayStartHour;
  const dashboard = dashboardOfSpan(history, dayNumber(from), dayNumber(to));
  const span = dashboard.range;
  const dayOfSession = (s: SessionRecord) => livedDay(s.startedAt, hour);
  const dayOfSpasm = (s: SpasmRecord) => livedDay(s.occurredAt, hour);
  const sessions = input.sessions.filter((s) => inSpan(dayOfSession(s), span.from, span.to));
  const spasms = input.spasms.filter((s) => inSpan(dayOfSpasm(s), span.from, span.to));
  const sum = (pick: (w: Dashboard['weeks'][number]) => number) => dashboard.weeks.reduce((total, week) => total + pick(week), 0);
  const planned = sum((w) => w.planned);
  const done = sum((w) => w.done);
  const weekOf = (day: string) => dayText(weekStartNumber(dayNumber(day), history.settings.weekStartsOn));
  return {
    from: span.from,
    to: span.to,
    today: history.today,
    dashboard,
    totals: { planned, done, adherencePercent: adherencePercent(done, planned), minutes: sum((w) => w.minutes), sessions: sessions.length },
    pain: comparePain(dashboard.pain, weekOf),
    spasmNights: compareSpasmNights(dashboard.weeks, span),
    hurts: hurtEvents(sessions, dayOfSession),
    painRises: dashboard.pain.filter((point) => point.change === 'rose'),
    strongSpasms: spasms
      .filter((s) => s.intensity >= STRONG_SPASM)
      .map((s) => ({ day: dayOfSpasm(s), occurredAt: s.occurredAt, intensity: s.intensity, duration: s.duration, note: s.note })),
    exercises: reportExercises(dashboard, sessions),
    plan: planOfSpan(input.plan, span.from, span.to),
    notes: notesOf(sessions, spasms, dayOfSession, dayOfSpasm),
    safetyChecks: input.safetyChecks.filter((check) => inSpan(check.localDay, span.from, span.to)),
    mornings: morningsOf(sessions),
    easierChoices: easierChoicesOf(sessions),
  };
}
