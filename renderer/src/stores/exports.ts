import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CsvTableName } from '../../../core/export/csv-tables';
import type { SaveOutcome } from '../../../core/bridge/host-files';
import { useApi } from '../bridge/api-context';
import { nowLocalIso } from '../format/local-time';

/** A message about the last export, for a live region: what was saved and where, or why not. */
export interface ExportMessage {
  tone: 'done' | 'error';
  text: string;
}

const savedText = (what: string, outcome: SaveOutcome) => (outcome.saved ? `${what} saved to ${outcome.where}.` : `${what} not saved: you closed the dialog.`);

/** CSV tables for a spreadsheet: built by the services, saved where the person chooses by the host. */
export const useExportsStore = defineStore('exports', () => {
  const api = useApi();
  const busy = ref(false);
  const message = ref<ExportMessage | null>(null);

  async function run(what: string, action: () => Promise<SaveOutcome>): Promise<void> {
    busy.value = true;
    message.value = null;
    try {
      message.value = { tone: 'done', text: savedText(what, await action()) };
    } catch (failure) {
      message.value = { tone: 'error', text: `${what} could not be saved: ${(failure as Error).message}` };
    } finally {
      busy.value = false;
    }
  }

  const csvNames: Record<CsvTableName, string> = { sessions: 'The sessions table', exercises: 'The exercises table', spasms: 'The spasm diary table' };

  function exportCsv(table: CsvTableName): Promise<void> {
    return run(csvNames[table], async () => api.system.saveFile(await api.request('export:csv', { now: nowLocalIso(), table })));
  }

  return { busy, message, run, exportCsv };
});
