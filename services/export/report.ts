import { addDays } from '../../core/progress/calendar-days';
import { livedDay } from '../../core/progress/lived-day';
import { buildProgressReport, type ProgressReport } from '../../core/report/progress-report';
import { allRecords } from '../log/all-records';
import type { Services } from '../create-services';

/**
 * The therapist's report over lived days `from`–`to`: the judged history the
 * dashboard keeps, and the full records (notes, "This hurts" moments) of the
 * month files that can hold those days only.
 */
export function progressReport(services: Services, now: string, from: string, to: string): ProgressReport {
  const { dashboards, months, deletions, plan, settings, safetyChecks } = services;
  const history = dashboards.history(now);
  // Month files go by calendar day; the small hours after `to` are lived on `to`.
  const records = allRecords(months, deletions, { first: from.slice(0, 7), last: addDays(to, 1).slice(0, 7) });
  const currentPlan = plan.current(livedDay(now, settings.get().dayStartHour));
  return buildProgressReport({ history, plan: currentPlan, ...records, safetyChecks: safetyChecks.list(), from, to });
}
