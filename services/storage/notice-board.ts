import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { instant, recordId } from '../../core/log/common-fields';
import type { StorageNotice } from '../../core/log/history';
import { StorageWriteError } from './storage-errors';
import { StoredDocument, type StorageContext } from './stored-document';
import { firstVersionSpec, type DocumentSpec } from './versioned-document';

/** A notice as the storage code raises it; the board adds the id and time. */
export interface NewNotice {
  level: StorageNotice['level'];
  message: string;
  path?: string;
  /** Groups notices about one thing (e.g. failed writes of one file) so they can be replaced once it is resolved. */
  topic?: string;
}

export interface NoticeSink {
  add(notice: NewNotice): void;
  /** Drops the notices of `topic`, if there were any, and says so with `message`. */
  resolve(topic: string, message: string): void;
}

const MAX_NOTICES = 50;

const storedNoticeSchema = z.strictObject({
  id: recordId,
  level: z.enum(['info', 'warning', 'error']),
  message: z.string().min(1).max(2000),
  path: z.string().min(1).max(4096).optional(),
  at: instant,
  topic: z.string().max(200).optional(),
});

const noticesFileSchema = z.strictObject({ schemaVersion: z.literal(1), notices: z.array(storedNoticeSchema).max(MAX_NOTICES) });

type StoredNotice = z.infer<typeof storedNoticeSchema>;
type NoticesFile = z.infer<typeof noticesFileSchema>;

/** `notices.json`: what the person should know about their stored data, until they dismiss it. */
export const noticesFileSpec: DocumentSpec<NoticesFile> = firstVersionSpec({
  name: 'notices',
  label: 'the list of storage notices',
  schema: noticesFileSchema,
  empty: () => ({ schemaVersion: 1, notices: [] }),
  quiet: true,
});

const toNotice = ({ topic: _topic, ...notice }: StoredNotice): StorageNotice => notice;

/**
 * The notices the person sees (recoveries, failed writes), kept until
 * dismissed. When the list has changed since the last reply, the handler
 * table sends it with the next reply: damage found while a screen reads a
 * month shows on that screen at once, not at the next start.
 */
export class NoticeBoard implements NoticeSink {
  private readonly doc: StoredDocument<NoticesFile>;
  private readonly now: () => Date;
  private changed = false;

  constructor(ctx: Omit<StorageContext, 'notices'>) {
    // The board is the sink of its own file's notices too (a damaged notices file is itself reported).
    this.doc = new StoredDocument(noticesFileSpec, { ...ctx, notices: this });
    this.now = ctx.now;
  }

  list(): StorageNotice[] {
    return this.doc.value.notices.map(toNotice);
  }

  /** The whole list if it changed since the last call, else null. */
  takeChanges(): StorageNotice[] | null {
    if (!this.changed) return null;
    this.changed = false;
    return this.list();
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
    const stored: StoredNotice = { id: randomUUID(), at: this.now().toISOString(), ...notice, message: notice.message.slice(0, 2000) };
    this.save([...notices, stored].slice(-MAX_NOTICES));
  }

  resolve(topic: string, message: string): void {
    const notices = this.doc.value.notices;
    if (!notices.some((notice) => notice.topic === topic)) return;
    this.save(notices.filter((notice) => notice.topic !== topic));
    this.add({ level: 'info', message });
  }

  private save(notices: StoredNotice[]): void {
    this.changed = true;
    try {
      this.doc.write({ schemaVersion: 1, notices });
    } catch (error) {
      // The notices file could not be written: the notice is still shown from memory and the write is retried.
      if (!(error instanceof StorageWriteError)) throw error;
    }
  }
}
