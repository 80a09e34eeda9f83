import { z } from 'zod';
import { RequestError } from '../storage/storage-errors';

/**
 * Where the previous page ended: the last entry's instant and id. Opaque to
 * the renderer (base64url JSON) so the format can change without it noticing.
 */
export interface CursorPosition {
  ms: number;
  id: string;
}

const positionSchema = z.strictObject({ ms: z.number().int(), id: z.string().min(1).max(100) });

export const encodeCursor = (position: CursorPosition) => Buffer.from(JSON.stringify(position)).toString('base64url');

export function decodeCursor(cursor: string): CursorPosition {
  try {
    return positionSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new RequestError('cursor', 'history:list: cursor: Not a cursor this app gave out; start again from the first page');
  }
}

/** True when `entry` comes after the cursor in newest-first order. */
export const isAfter = (entry: { ms: number; id: string }, cursor: CursorPosition) => entry.ms < cursor.ms || (entry.ms === cursor.ms && entry.id < cursor.id);
