import type { EntryKind, HistoryPage, HistoryQuery, PendingDeletion } from '../../core/log/history';
import type { RoutineProgress } from '../../core/log/progress-schema';
import type { NewSession, SessionPatch, SessionRecord } from '../../core/log/session-schema';
import type { NewSpasm, SpasmPatch, SpasmRecord } from '../../core/log/spasm-schema';
import type { StorageContext } from '../storage/storage-context';
import { RequestError } from '../storage/storage-errors';
import { StoredDocument } from '../storage/stored-document';
import { listHistory } from './history-query';
import { LogMonths } from './log-months';
import { PendingDeletions } from './pending-deletions';
import { pendingDeletionsSpec } from './pending-deletions-file';
import { progressFileSpec } from './progress-file';
import { RoutineProgressStore } from './routine-progress';
import { SessionLog } from './session-log';
import { SpasmDiary } from './spasm-diary';

/**
 * The exercise log, the spasm diary and the routine in progress, in plain
 * Node. Requests reach it already validated by the handler table; it sets
 * ids and `updatedAt`, and refuses what only it can judge (an unknown id, an
 * edit that would split an entry's day from its instant).
 */
export class LogRepository {
  private readonly months: LogMonths;
  private readonly sessions: SessionLog;
  private readonly spasms: SpasmDiary;
  private readonly deletions: PendingDeletions;
  private readonly progress: RoutineProgressStore;

  constructor(ctx: StorageContext) {
    this.months = new LogMonths(ctx);
    this.sessions = new SessionLog(this.months, ctx.now);
    this.spasms = new SpasmDiary(this.months, ctx.now);
    this.deletions = new PendingDeletions(new StoredDocument(pendingDeletionsSpec, ctx), this.months, ctx.now);
    this.progress = new RoutineProgressStore(new StoredDocument(progressFileSpec, ctx));
  }

  /** Saves a finished routine, then forgets its progress (kept if the session could not be written). */
  saveSession(input: NewSession): SessionRecord {
    const record = this.sessions.save(input);
    this.progress.clear();
    return record;
  }

  updateSession(id: string, patch: SessionPatch): SessionRecord {
    this.refuseIfDeleting(id, 'sessions:update');
    return this.sessions.update(id, patch);
  }

  createSpasm(input: NewSpasm): SpasmRecord {
    return this.spasms.create(input);
  }

  updateSpasm(id: string, patch: SpasmPatch): SpasmRecord {
    this.refuseIfDeleting(id, 'spasms:update');
    return this.spasms.update(id, patch);
  }

  history(query: HistoryQuery): HistoryPage {
    this.deletions.sweep();
    return listHistory(this.months, query, (id) => this.deletions.isPending(id));
  }

  deleteEntry(kind: EntryKind, id: string): PendingDeletion {
    return this.deletions.delete(kind, id);
  }

  undoDelete(id: string): void {
    this.deletions.undo(id);
  }

  confirmDelete(id: string): void {
    this.deletions.confirm(id);
  }

  pendingDeletions(): PendingDeletion[] {
    return this.deletions.list();
  }

  saveProgress(progress: RoutineProgress): void {
    this.progress.save(progress);
  }

  getProgress(): RoutineProgress | null {
    return this.progress.get();
  }

  clearProgress(): void {
    this.progress.clear();
  }

  /** Stops the deletion timer (pending deletions stay on disk and finish at the next start). */
  close(): void {
    this.deletions.close();
  }

  private refuseIfDeleting(id: string, channel: string): void {
    this.deletions.sweep();
    if (this.deletions.isPending(id)) throw new RequestError('id', `${channel}: id: This entry is being deleted: undo the deletion to edit it`);
  }
}
