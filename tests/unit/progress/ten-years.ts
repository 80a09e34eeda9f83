import type { SessionFacts, SpasmFacts } from '../../../core/progress/session-facts';
import type { Plan } from '../../../core/plan/plan-schema';
import { MORNING, bedtimeEveryDay, plan, session, spasm } from './histories';

/**
 * Ten years of a plausible history (~7,300 sessions, ~2,000 spasms), made by
 * a seeded generator that also keeps its own tally of what it made, so the
 * dashboard can be checked against a count that does not share its code.
 */

export interface TenYears {
  plan: Plan;
  now: string;
  sessions: SessionFacts[];
  spasms: SpasmFacts[];
  /** Days with a bedtime session that counts (completed, or ended early after 2 of 3 exercises). */
  daysDone: number;
  /** Every minute exercised, in every session. */
  minutes: number;
  firstDay: string;
}

const DAY_MS = 86_400_000;

/** A small deterministic generator (a linear congruential one), so every run makes the same history. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The calendar date `days` after 1970-01-01. */
const dateOf = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);
/** Summer time from April to October, roughly as in London: the offset only has to vary. */
const offsetOn = (date: string) => (Number(date.slice(5, 7)) >= 4 && Number(date.slice(5, 7)) <= 10 ? '+01:00' : '+00:00');
const at = (date: string, hour: number, minute: number) => `${date}T${pad(hour)}:${pad(minute)}:00${offsetOn(date)}`;

export function tenYears(): TenYears {
  const random = seeded(20_261_125);
  const firstDay = '2016-11-28';
  const lastDay = '2026-11-25';
  const sessions: SessionFacts[] = [];
  const spasms: SpasmFacts[] = [];
  let daysDone = 0;
  let minutes = 0;
  const add = (facts: SessionFacts) => {
    sessions.push(facts);
    minutes += facts.exercisedMs / 60_000;
  };
  for (let day = Date.parse(`${firstDay}T00:00:00Z`) / DAY_MS; dateOf(day) <= lastDay; day++) {
    const date = dateOf(day);
    const nextDate = dateOf(day + 1);
    if (random() < 0.97) add(session(at(date, 8, 0), { routineId: MORNING, exercisedMs: 6 * 60_000 }));
    const bedtime = random();
    const second = random() < 0.03;
    if (bedtime < 0.8) {
      // Most evenings at 21:30; some after midnight, which still belong to this evening.
      const start = random() < 0.15 ? at(nextDate, 0, 40) : at(date, 21, 30);
      add(session(start, { exercisedMs: 12 * 60_000, painBefore: Math.floor(random() * 6), painAfter: Math.floor(random() * 6) }));
      daysDone++;
    } else if (bedtime < 0.9) {
      // Ended early: after two of three exercises it counts, after one it does not.
      const completedExercises = bedtime < 0.85 ? 2 : 1;
      add(session(at(date, 22, 0), { ending: 'ended-early', completedExercises, exercisedMs: 5 * 60_000 }));
      if (completedExercises === 2) daysDone++;
    }
    // Now and then a second bedtime session after a first that counted: it adds minutes, not a day done.
    if (second && bedtime < 0.85) add(session(at(date, 23, 0), { exercisedMs: 7 * 60_000 }));
    if (random() < 0.55 && nextDate <= lastDay) spasms.push(spasm(at(nextDate, 3, 10), 1 + Math.floor(random() * 8)));
  }
  return { plan: plan([[firstDay, bedtimeEveryDay]]), now: '2026-11-25T23:59:00+00:00', sessions, spasms, daysDone, minutes, firstDay };
}
