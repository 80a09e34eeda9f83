import type { StorageNotice } from '../../core/log/history';

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
