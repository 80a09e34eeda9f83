import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ReportRequest } from '../../../core/bridge/host-files';
import type { ProgressReport } from '../../../core/report/progress-report';
import { useApi } from '../bridge/api-context';
import { nowLocalIso } from '../format/local-time';

/**
 * The therapist's report: the print view loads it (its figures come from the
 * service, computed by the dashboard's own core functions), and the share
 * screen asks the host to print it (the desktop app prints that view to PDF;
 * the browser opens it for its own print dialog).
 */
export const useReportStore = defineStore('report', () => {
  const api = useApi();
  const report = shallowRef<ProgressReport | null>(null);
  const error = ref<string | null>(null);

  async function load(from: string, to: string): Promise<void> {
    error.value = null;
    report.value = null;
    try {
      report.value = await api.request('report:get', { now: nowLocalIso(), from, to });
    } catch (failure) {
      error.value = `The report could not be made: ${(failure as Error).message}`;
    }
  }

  /** Asks the host for the PDF; 'show-print-view' means the caller opens the print view (browser host). */
  const print = (request: ReportRequest) => api.system.printReport(request);

  /** The print view calls this once every chart has drawn. */
  const drawn = () => api.system.reportReady();

  return { report, error, load, print, drawn };
});
