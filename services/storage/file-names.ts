import { join } from 'node:path';

/**
 * Where each kind of file lives. Store files are `<dataDir>/<name>.json`
 * (what both conf and electron-store write); damaged ones are kept beside
 * them, backups in `<dataDir>/backups/`.
 */

/** `20261124T193000Z`: sortable, and safe in a file name on every system. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export const storePath = (dataDir: string, name: string) => join(dataDir, `${name}.json`);

export const backupDir = (dataDir: string) => join(dataDir, 'backups');

/** Why a file was set aside: it could not be read or parsed, or a newer app wrote it. */
export type AsideReason = 'corrupt' | 'newer';

/** e.g. `log-2026-11.corrupt-20261124T193000Z.json`, with `-2`, `-3`… if that name is taken. */
export function asideName(name: string, reason: AsideReason, at: Date, attempt = 1): string {
  return `${name}.${reason}-${fileStamp(at)}${attempt > 1 ? `-${attempt}` : ''}.json`;
}

export type BackupKind = 'daily' | `before-v${number}`;

export interface BackupFile {
  file: string;
  name: string;
  stamp: string;
  kind: BackupKind;
}

/** e.g. `settings.20261124T193000Z.before-v1.json` or `log-2026-11.20261124T193000Z.daily.json`. */
export const backupName = (name: string, stamp: string, kind: BackupKind) => `${name}.${stamp}.${kind}.json`;

const backupPattern = /^(.+)\.(\d{8}T\d{6}Z(?:-\d+)?)\.(daily|before-v\d+)\.json$/;

export function parseBackupName(file: string): BackupFile | null {
  const match = backupPattern.exec(file);
  if (!match) return null;
  return { file, name: match[1]!, stamp: match[2]!, kind: match[3] as BackupKind };
}

/** conf's atomic writes leave `<file>.tmp-<digits>` behind only when the process is killed mid-write. */
export const isLeftoverTempFile = (file: string) => /\.json\.tmp-\d+[a-f0-9]*$/.test(file);
