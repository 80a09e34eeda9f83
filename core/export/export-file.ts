/**
 * A file the app offers to save: a CSV table, a backup. The services build
 * it; the host saves it where the person chooses (a save dialog on the
 * desktop, a download in the browser host), so nothing is written anywhere
 * they did not pick.
 */
export interface ExportFile {
  /** Suggested name, e.g. backcare-sessions-2026-11-27.csv. */
  fileName: string;
  mediaType: 'text/csv' | 'application/json';
  text: string;
}
