import { randomUUID } from 'node:crypto';
import type { NewSpasm, SpasmPatch, SpasmRecord } from '../../core/log/spasm-schema';
import { RequestError } from '../storage/storage-errors';
import type { LogMonths } from './log-months';
import { monthOf } from './log-month-file';

/** The night-spasm diary: entries created and edited, each stored in the month of its local day. */
export class SpasmDiary {
  constructor(
    private readonly months: LogMonths,
    private readonly now: () => Date,
  ) {}

  /** `input` must already be validated; the id and `updatedAt` are set here. */
  create(input: NewSpasm): SpasmRecord {
    const record: SpasmRecord = { ...input, id: randomUUID(), updatedAt: this.now().toISOString() };
    const month = monthOf(record.localDay);
    const file = this.months.file(month);
    this.months.write(month, { ...file, spasms: [...file.spasms, record] });
    return record;
  }

  update(id: string, patch: SpasmPatch): SpasmRecord {
    const found = this.months.find('spasm', id);
    if (!found) throw new RequestError('id', 'spasms:update: id: No spasm entry with this id');
    const updated: SpasmRecord = { ...(found.entry.entry.record as SpasmRecord), ...patch, updatedAt: this.now().toISOString() };
    // Each field was checked on its own; together they must still name one day.
    if (updated.occurredAt.slice(0, 10) !== updated.localDay) {
      const field = patch.localDay === undefined ? 'patch.occurredAt' : 'patch.localDay';
      throw new RequestError(field, `spasms:update: ${field}: The local day (${updated.localDay}) must be the date of occurredAt as written (${updated.occurredAt.slice(0, 10)})`);
    }
    this.months.saveEdited(id, found.month, monthOf(updated.localDay), (file) => ({ ...file, spasms: [...file.spasms.filter((record) => record.id !== id), updated] }));
    return updated;
  }
}
