import { randomUUID } from 'node:crypto';
import type { NewSession, SessionPatch, SessionRecord } from '../../core/log/session-schema';
import { RequestError } from '../storage/storage-errors';
import type { LogMonths } from './log-months';
import { monthOf } from './log-month-file';

/** Routines played: saved once when they end, and their pain scores, effort and note edited afterwards. */
export class SessionLog {
  constructor(
    private readonly months: LogMonths,
    private readonly now: () => Date,
  ) {}

  /** `input` must already be validated; the id and `updatedAt` are set here, never by the renderer. */
  save(input: NewSession): SessionRecord {
    const record: SessionRecord = { ...input, id: randomUUID(), updatedAt: this.now().toISOString() };
    const month = monthOf(record.localDay);
    const file = this.months.file(month);
    this.months.write(month, { ...file, sessions: [...file.sessions, record] });
    return record;
  }

  update(id: string, patch: SessionPatch): SessionRecord {
    const found = this.months.find('session', id);
    if (!found) throw new RequestError('id', 'sessions:update: id: No session with this id');
    const file = this.months.file(found.month);
    const updated: SessionRecord = { ...(found.entry.entry.record as SessionRecord), ...patch, updatedAt: this.now().toISOString() };
    this.months.write(found.month, { ...file, sessions: file.sessions.map((record) => (record.id === id ? updated : record)) });
    return updated;
  }
}
