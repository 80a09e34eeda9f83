import { dashboardOfRange, livedHistory, type Dashboard, type LivedHistory, type RangeKey } from '../../core/progress/dashboard';
import { livedDay } from '../../core/progress/lived-day';
import type { Plan } from '../../core/plan/plan-schema';
import type { SettingsService } from '../settings';
import type { MonthSummaries } from './month-summaries';
import type { PlanStore } from './plan-store';

/** What a lived history was made from; any change (by identity for the facts and the plan) means a new one. */
interface Sources {
  facts: ReturnType<MonthSummaries['all']>;
  plan: Plan;
  dayStartHour: number;
  weekStartsOn: string;
  today: string;
}

const sameSources = (a: Sources, b: Sources) =>
  a.facts === b.facts && a.plan === b.plan && a.dayStartHour === b.dayStartHour && a.weekStartsOn === b.weekStartsOn && a.today === b.today;

/**
 * The dashboard of any range. The whole history judged against the plan
 * (core's `livedHistory`) is kept while the log, the pending deletions, the
 * plan, the day rules and today are what they were, so switching ranges only
 * sums over days already judged. The month facts and the plan are the same
 * objects until they change (see MonthSummaries.all and PlanStore), which
 * makes the check a handful of comparisons.
 */
export class Dashboards {
  private kept: { sources: Sources; history: LivedHistory } | null = null;

  constructor(
    private readonly summaries: MonthSummaries,
    private readonly plans: PlanStore,
    private readonly settings: SettingsService,
  ) {}

  get(now: string, range: RangeKey): Dashboard {
    return dashboardOfRange(this.history(now), range);
  }

  /** The whole history judged against the plan, as of `now` (the report sums its own span of it). */
  history(now: string): LivedHistory {
    const { dayStartHour, weekStartsOn } = this.settings.get();
    const today = livedDay(now, dayStartHour);
    const sources: Sources = { facts: this.summaries.all(), plan: this.plans.current(today), dayStartHour, weekStartsOn, today };
    if (!this.kept || !sameSources(this.kept.sources, sources)) {
      const history = livedHistory({ ...sources.facts, plan: sources.plan, settings: { dayStartHour, weekStartsOn }, now });
      this.kept = { sources, history };
    }
    return this.kept.history;
  }
}
