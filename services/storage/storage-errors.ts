/**
 * Errors the handler table turns into messages for the person: a request it
 * refuses (`invalid-request`, naming the field) and a write the disk refused
 * (`storage`, saying what happened and what still holds).
 */

export class RequestError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export class StorageWriteError extends Error {
  constructor(
    message: string,
    readonly errno: string | undefined,
  ) {
    super(message);
    this.name = 'StorageWriteError';
  }
}

const kept = 'What you entered is kept while the app stays open and saving is tried again every 30 seconds; there is no need to enter it again.';

/** A sentence about a failed write of `label`, from the error the disk gave. */
export function describeWriteFailure(label: string, dataDir: string, error: unknown): StorageWriteError {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause =
    errno === 'ENOSPC' ? `the disk is full, so ${label} could not be saved. Free some space on the disk.`
    : errno === 'EACCES' || errno === 'EPERM' ? `Backcare Coach is not allowed to write in its data folder (${dataDir}), so ${label} could not be saved. Check the folder's permissions.`
    : errno === 'EROFS' ? `the data folder (${dataDir}) is on a read-only disk, so ${label} could not be saved.`
    : `${label} could not be saved (${errno ?? (error as Error | undefined)?.message ?? 'unknown error'}).`;
  return new StorageWriteError(`${cause.charAt(0).toUpperCase()}${cause.slice(1)} ${kept}`, errno);
}
