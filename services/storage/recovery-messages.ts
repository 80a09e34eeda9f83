import { format } from 'date-fns';
import type { BackupFile } from './file-names';

/** Sentences telling the person what happened to a file they could not see being repaired. */

function stampDate(stamp: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(stamp);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : new Date(NaN);
}

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export function restoredOrEmpty(backup: BackupFile | null): string {
  return backup
    ? `It was restored from the backup of ${format(stampDate(backup.stamp), 'd MMM yyyy, HH:mm')}; anything saved after that may be missing.`
    : 'No usable backup was found, so it starts empty.';
}

export function damagedMessage(label: string, detail: string, backup: BackupFile | null, keptAt: string | null): string {
  const kept = keptAt ? ` The damaged file is kept at ${keptAt}.` : '';
  return `${capital(label)} could not be read: ${detail}. ${restoredOrEmpty(backup)}${kept}`;
}

export function newerMessage(label: string, version: number, backup: BackupFile | null, keptAt: string | null): string {
  const kept = keptAt ? ` The file is kept unchanged at ${keptAt}.` : '';
  return `${capital(label)} was saved by a newer version of Backcare Coach (format ${version}): update the app to see it.${kept} ${restoredOrEmpty(backup)}`;
}

export function notMovedMessage(label: string, path: string, error: unknown): string {
  return `${capital(label)} is damaged and could not be set aside (${(error as NodeJS.ErrnoException).code ?? String(error)}). It is left as it is at ${path}, and nothing will be written over it; new entries are kept while the app stays open.`;
}

export function missingMessage(label: string, backup: BackupFile): string {
  return `${capital(label)} was missing from the data folder. ${restoredOrEmpty(backup)}`;
}

export const savedNowMessage = (label: string) => `${capital(label)} could be saved again: nothing was lost.`;
