import { randomUUID } from 'node:crypto';
import type { StorageNotice } from '../../core/log/history';
import { StorageWriteError } from './storage-errors';
import type { NewNotice, NoticeSink } from './notice-sink';
import { MAX_NOTICES, noticesFileSpec, type NoticesFile, type StoredNotice } from './notices-file';
import type { StorageContext } from './storage-context';
import { StoredDocument } from './stored-document';

const toNotice = ({ topic: _topic, ...notice }: StoredNotice): StorageNotice => notice;

/** The notices the person sees (recoveries, failed writes), kept until dismissed. */
export class NoticeBoard implements NoticeSink {
  private readonly doc: StoredDocument<NoticesFile>;

  constructor(private readonly ctx: StorageContext) {
    this.doc = new StoredDocument(noticesFileSpec, ctx);
  }

  list(): StorageNotice[] {
    return this.doc.value.notices.map(toNotice);
  }

  /** Dismissing a notice that is already gone does nothing: two windows may dismiss the same one. */
  dismiss(id: string): void {
    const notices = this.doc.value.notices;
    if (notices.some((notice) => notice.id === id)) this.save(notices.filter((notice) => notice.id !== id));
  }

  add(notice: NewNotice): void {
    const notices = this.doc.value.notices;
    // The same trouble reported again (a retried write failing once more) is already on the list.
    if (notices.some((n) => n.message === notice.message && n.topic === notice.topic)) return;
    const stored: StoredNotice = { id: randomUUID(), at: this.ctx.now().toISOString(), ...notice, message: notice.message.slice(0, 2000) };
    this.save([...notices, stored].slice(-MAX_NOTICES));
  }

  resolve(topic: string, message: string): void {
    const notices = this.doc.value.notices;
    if (!notices.some((notice) => notice.topic === topic)) return;
    this.save(notices.filter((notice) => notice.topic !== topic));
    this.add({ level: 'info', message });
  }

  private save(notices: StoredNotice[]): void {
    try {
      this.doc.write({ schemaVersion: 1, notices });
    } catch (error) {
      // The notices file could not be written: the notice is still shown from memory and the write is retried.
      if (!(error instanceof StorageWriteError)) throw error;
    }
  }
}
