import { randomUUID } from 'node:crypto';
import { withStartTime } from '../../core/log/move-session';
import type { NewSession, SessionPatch, SessionRecord } from '../../core/log/session-schema';
import { RequestError, StorageWriteError } from '../storage/storage-errors';
import type { LogMonths } from './log-months';
import { monthOf } from './log-month-file';
import type { RoutineProgressStore } from './routine-progress';

/** Routines played: saved once when they end; their start time, pain scores, effort and note edited afterwards. */
export class SessionLog {
  constructor(
    private readonly months: LogMonths,
    private readonly progress: RoutineProgressStore,
    private readonly now: () => Date,
  ) {}

  /**
   * `input` must already be validated; the id and `updatedAt` are set here,
   * never by the renderer. The routine's progress is forgotten once the
   * session is saved (and kept if it could not be).
   */
  save(input: NewSession): SessionRecord {
    const record: SessionRecord = { ...input, id: randomUUID(), updatedAt: this.now().toISOString() };
    const month = monthOf(record.localDay);
    const file = this.months.file(month);
    this.months.write(month, { ...file, sessions: [...file.sessions, record] });
    try {
      this.progress.clear();
    } catch (error) {
      // The session IS saved; the cleared progress stays in memory, is retried, and its notice shows.
      if (!(error instanceof StorageWriteError)) throw error;
    }
    return record;
  }

  update(id: string, patch: SessionPatch): SessionRecord {
    const found = this.months.find('session', id);
    if (!found) throw new RequestError('id', 'sessions:update: id: No session with this id');
    const { startedAt, ...feelings } = patch;
    const current = found.entry.entry.record as SessionRecord;
    const moved = startedAt === undefined ? current : withStartTime(current, startedAt);
    const updated: SessionRecord = { ...moved, ...feelings, updatedAt: this.now().toISOString() };
    this.months.saveEdited(id, found.month, monthOf(updated.localDay), (file) => ({ ...file, sessions: [...file.sessions.filter((record) => record.id !== id), updated] }));
    return updated;
  }
}
