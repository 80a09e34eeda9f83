import { logMonthSpec, monthFilePattern } from '../../../../services/log/log-month-file';
import { pendingDeletionsSpec } from '../../../../services/log/pending-deletions';
import { progressFileSpec } from '../../../../services/log/routine-progress';
import { planFileSpec } from '../../../../services/progress/plan-store';
import { settingsFileSpec } from '../../../../services/settings';
import { noticesFileSpec } from '../../../../services/storage/notice-board';
import type { DocumentSpec, JsonObject } from '../../../../services/storage/versioned-document';
import { storeFiles } from './harness';

const fixedSpecs: Record<string, DocumentSpec<JsonObject>> = {
  settings: settingsFileSpec,
  notices: noticesFileSpec,
  progress: progressFileSpec,
  'pending-deletions': pendingDeletionsSpec,
  plan: planFileSpec,
};

function specFor(name: string): DocumentSpec<JsonObject> | undefined {
  const month = monthFilePattern.exec(`${name}.json`)?.[1];
  return month ? logMonthSpec(month) : fixedSpecs[name];
}

/** Problems with the store files in `dir`: each must parse and validate against its current schema. */
export function invalidStoreFiles(dir: string): string[] {
  const problems: string[] = [];
  for (const [name, content] of storeFiles(dir)) {
    const spec = specFor(name);
    if (!spec) problems.push(`${name}: unexpected store file`);
    else {
      const result = spec.schema.safeParse(content);
      if (!result.success) problems.push(`${name}: ${result.error.issues[0]?.message} at ${result.error.issues[0]?.path.join('.')}`);
    }
  }
  return problems;
}
