import type { HistoryEntry } from '../../../../core/log/history';
import type { SessionRecord } from '../../../../core/log/session-schema';
import type { SpasmRecord } from '../../../../core/log/spasm-schema';
import { sampleSession, sampleSpasm } from '../../../support/log-samples';

const idsByName = new Map<string, string>();
const namesById = new Map<string, string>();

/** A record id the services accept (a UUID), stable for each short name a test uses ('s1', 'p1'). */
export function testId(name: string): string {
  let id = idsByName.get(name);
  if (!id) {
    id = `00000000-0000-4000-8000-${(idsByName.size + 1).toString(16).padStart(12, '0')}`;
    idsByName.set(name, id);
    namesById.set(id, name);
  }
  return id;
}

/** The short name behind a test id, for readable expectations. */
export const nameOf = (id: string): string => namesById.get(id) ?? id;

const routineNames: Record<string, string> = { 'bedtime-spasm-relief': 'Bedtime spasm relief', 'core-strength': 'Core strength' };

/** A stored session, as the services answer it. */
export function sessionRecord(name: string, startedAt: string, routineId = 'bedtime-spasm-relief'): SessionRecord {
  const routine = { id: routineId, name: routineNames[routineId] ?? routineId, version: 1 };
  return { ...sampleSession(startedAt, routine), id: testId(name), updatedAt: startedAt };
}

export function spasmRecord(name: string, occurredAt: string, intensity = 7): SpasmRecord {
  return { ...sampleSpasm(occurredAt, intensity), id: testId(name), updatedAt: occurredAt };
}

export const sessionEntry = (name: string, startedAt: string, routineId?: string): HistoryEntry => ({
  kind: 'session',
  record: sessionRecord(name, startedAt, routineId),
});
export const spasmEntry = (name: string, occurredAt: string, intensity?: number): HistoryEntry => ({ kind: 'spasm', record: spasmRecord(name, occurredAt, intensity) });
