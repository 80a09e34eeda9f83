import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { MorningQuestion } from '../../../core/bridge/requests';
import type { MorningFeeling } from '../../../core/log/session-schema';
import type { SafetyCheckAnswer } from '../../../core/safety/safety-check';
import { useApi } from '../bridge/api-context';
import { currentTimeZone, nowLocalIso } from '../format/local-time';
import { useProgressStore } from './progress';

/**
 * The two questions the app asks now and then, each once: every four weeks
 * before a routine, "Any of these new since you last checked?"; and the
 * morning after an evening session, "Your back this morning compared with
 * usual?". Neither ever stands between the person and a routine for long:
 * if the question cannot be asked (a storage error), the routine goes ahead.
 */
export const useChecksStore = defineStore('checks', () => {
  const api = useApi();
  const morning = shallowRef<MorningQuestion | null>(null);

  async function isSafetyCheckDue(): Promise<boolean> {
    return api.request('safety-check:due', { now: nowLocalIso() }).catch(() => false);
  }

  async function answerSafetyCheck(answer: SafetyCheckAnswer): Promise<void> {
    await api.request('safety-check:answer', { now: nowLocalIso(), timeZone: currentTimeZone(), answer });
  }

  async function loadMorningQuestion(): Promise<void> {
    morning.value = await api.request('morning-question:get', { now: nowLocalIso() }).catch(() => null);
  }

  async function answerMorning(answer: MorningFeeling | 'not-now'): Promise<void> {
    const question = morning.value;
    if (!question) return;
    morning.value = null;
    await api.request('morning-question:answer', { sessionId: question.sessionId, answer });
    if (answer !== 'not-now') useProgressStore().markStale();
  }

  return { morning, isSafetyCheckDue, answerSafetyCheck, loadMorningQuestion, answerMorning };
});
