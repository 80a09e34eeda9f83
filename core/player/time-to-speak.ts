import { phaseAnnouncement } from './phase-words';
import type { RoutinePlan } from './timeline';

/**
 * Words a speech voice says per second at rate 1: 150 a minute, the slow end
 * of the platforms' voices, so the estimate errs on the long side.
 */
export const WORDS_PER_SECOND = 2.5;

/** Whole seconds `text` takes to say at `rate` (the voice-speed setting; 1 is normal). */
export function secondsToSay(text: string, rate: number): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.ceil(words / (WORDS_PER_SECOND * rate));
}

/**
 * The plan with each get-ready time (before the first exercise, and the rest
 * before each next one) at least as long as what is said in it: the
 * exercise's name, starting position and first instruction. Otherwise the
 * next cue cuts the sentence off, and someone following with the screen face
 * down misses how to start. Only get-ready times grow; holds, reps, rests and
 * side switches keep the dose as prescribed.
 */
export function withTimeToSpeak(plan: RoutinePlan, rate: number): RoutinePlan {
  let addedMs = 0;
  const phases = plan.phases.map((phase) => {
    const ms = phase.endMs - phase.startMs;
    const neededMs = phase.kind === 'prepare' ? secondsToSay(phaseAnnouncement(phase, plan.items[phase.itemIndex]!), rate) * 1000 : 0;
    const startMs = phase.startMs + addedMs;
    addedMs += Math.max(0, neededMs - ms);
    return { ...phase, startMs, endMs: phase.endMs + addedMs };
  });
  return addedMs === 0 ? plan : { ...plan, phases, totalMs: plan.totalMs + addedMs };
}
