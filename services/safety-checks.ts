import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isSafetyCheckDue, safetyCheckSchema, type SafetyCheck, type SafetyCheckAnswer } from '../core/safety/safety-check';
import type { StoredDocument } from './storage/stored-document';
import { firstVersionSpec, type DocumentSpec } from './storage/versioned-document';

const safetyChecksFileSchema = z.strictObject({ schemaVersion: z.literal(1), checks: z.array(safetyCheckSchema) });
type SafetyChecksFile = z.infer<typeof safetyChecksFileSchema>;

/** `safety-checks.json`: every four-weekly warning-sign check, oldest first. */
export const safetyChecksFileSpec: DocumentSpec<SafetyChecksFile> = firstVersionSpec({
  name: 'safety-checks',
  label: 'your warning-sign checks',
  schema: safetyChecksFileSchema,
  empty: () => ({ schemaVersion: 1, checks: [] }),
});

/** The four-weekly "Any of these new since you last checked?" answers, kept for the therapist's report. */
export class SafetyChecks {
  constructor(private readonly doc: StoredDocument<SafetyChecksFile>) {}

  list(): SafetyCheck[] {
    return this.doc.value.checks;
  }

  /** Whether to ask before the next routine: `today` is the lived day, `acknowledgedDay` when the safety screen was read. */
  isDue(today: string, acknowledgedDay: string | null): boolean {
    return isSafetyCheckDue(today, this.list().at(-1)?.localDay ?? null, acknowledgedDay);
  }

  record(answer: SafetyCheckAnswer, at: string, localDay: string, timeZone: string): SafetyCheck {
    const check: SafetyCheck = { id: randomUUID(), at, localDay, timeZone, answer };
    this.doc.write({ schemaVersion: 1, checks: [...this.list(), check] });
    return check;
  }
}
