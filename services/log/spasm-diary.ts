import { randomUUID } from 'node:crypto';
import type { NewSpasm, SpasmPatch, SpasmRecord } from '../../core/log/spasm-schema';
import { RequestError } from '../storage/storage-errors';
import { withoutRecord, type LogMonths } from './log-months';
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
    const month = monthOf(updated.localDay);
    if (month === found.month) {
      const file = this.months.file(month);
      this.months.write(month, { ...file, spasms: file.spasms.map((record) => (record.id === id ? updated : record)) });
    } else {
      this.move(found.month, month, updated);
    }
    return updated;
  }

  /**
   * To another month's file: written there first, then removed from the old
   * one, so a crash in between leaves two copies (resolved on the next read),
   * never none. If the new month cannot be written, the old file is left as
   * it was on disk.
   */
  private move(from: string, to: string, record: SpasmRecord): void {
    const target = this.months.file(to);
    this.months.write(to, { ...target, spasms: [...target.spasms, record] });
    this.months.write(from, withoutRecord(this.months.file(from), record.id));
  }
}
