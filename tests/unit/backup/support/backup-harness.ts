import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rangeKeys, type Dashboard } from '../../../../core/progress/dashboard';
import type { HistoryPage } from '../../../../core/log/history';
import type { Plan } from '../../../../core/plan/plan-schema';
import type { Settings } from '../../../../core/settings/settings-schema';
import { planFileSpec } from '../../../../services/progress/plan-store';
import { settingsFileSpec } from '../../../../services/settings';
import type { Harness } from '../../storage/support/harness';

/** The parts checkBackup takes, as the service passes them. */
export const backupParts = { settings: settingsFileSpec, plan: planFileSpec };

export const fixtureDir = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'backup');
export const backupFixtures = () => readdirSync(fixtureDir).filter((file) => file.endsWith('.json')).sort();
export const backupFixture = (name: string) => readFileSync(join(fixtureDir, name), 'utf8');

/** The person's local time the checks ask at (a day after the varied log's last entry). */
export const ASKED_AT = '2026-12-05T10:00:00+01:00';

/** What a person sees: the whole history, the plan, the settings, and every dashboard range. */
export async function whatIsShown(h: Harness): Promise<{ history: HistoryPage; plan: Plan; settings: Settings; dashboards: Dashboard[] }> {
  const history = await h.call<HistoryPage>('history:list', { limit: 500 });
  const plan = await h.call<Plan>('plan:get', { now: ASKED_AT });
  const settings = await h.call<Settings>('settings:get', null);
  const dashboards: Dashboard[] = [];
  for (const range of rangeKeys) dashboards.push(await h.call<Dashboard>('dashboard:get', { now: ASKED_AT, range }));
  return { history, plan, settings, dashboards };
}

/** Every file and folder under `dir`: path, mode and a hash of the bytes. Equal strings mean nothing changed. */
export function folderState(dir: string, under = ''): string {
  const lines: string[] = [];
  for (const name of readdirSync(join(dir, under)).sort()) {
    const path = join(under, name);
    const stat = statSync(join(dir, path));
    if (stat.isDirectory()) lines.push(`${path}/ ${stat.mode.toString(8)}`, folderState(dir, path));
    else lines.push(`${path} ${stat.mode.toString(8)} ${stat.mtimeMs} ${createHash('sha256').update(readFileSync(join(dir, path))).digest('hex')}`);
  }
  return lines.join('\n');
}
