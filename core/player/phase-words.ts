import type { PlayerCue } from './cues';
import type { Phase, PlannedItem } from './timeline';

/** Plain words for a phase, shown large on screen and spoken by the voice cue. */

export function sideLabel(phase: Phase): string | null {
  if (phase.side === null) return null;
  return phase.side === 'left' ? 'Left side' : 'Right side';
}

export function phaseTitle(phase: Phase, item: PlannedItem): string {
  switch (phase.kind) {
    case 'prepare':
      return phase.itemIndex === 0 ? 'Get ready' : 'Rest';
    case 'switch-sides':
      return 'Switch sides';
    case 'rest':
      return phase.hold > 1 ? 'Relax' : 'Rest';
    case 'work':
      return item.exercise.name;
  }
}

/**
 * What the current rep (of a reps exercise) or hold (of a held one) asks, for
 * exercises that give each its own words: "Knees to the right",
 * "Feet: gently curl your toes". `rep` is the rep under way (1 at the start).
 */
export function movePrompt(phase: Phase, item: PlannedItem, rep: number | null): string | null {
  if (phase.kind !== 'work') return null;
  const index = phase.pacing.kind === 'reps' ? (rep ?? 1) - 1 : phase.hold - 1;
  return item.exercise.repPrompts?.[index] ?? null;
}

/** The spoken form of a phase start, or null when nothing should be said. */
export function phaseAnnouncement(phase: Phase, item: PlannedItem): string {
  const name = item.exercise.name;
  const side = sideLabel(phase);
  switch (phase.kind) {
    case 'prepare':
      return phase.itemIndex === 0 ? `Get ready. First: ${name}` : `Rest. Next: ${name}`;
    case 'switch-sides':
      return 'Switch sides';
    case 'rest':
      return phase.hold > 1 ? 'Relax' : 'Rest';
    case 'work': {
      // The first breath starts with the phase: its "Breathe in" is said with it (a cue of its own would cut the announcement off).
      if (phase.pacing.kind === 'breathing') return `${name}. Breathe in`;
      const prompt = movePrompt(phase, item, 1);
      const setWords = phase.setCount > 1 && phase.hold === 1 ? `Set ${phase.set} of ${phase.setCount}. ` : '';
      if (prompt) return `${setWords}${prompt}`;
      const isFirstOfSide = phase.set === 1 && phase.hold === 1;
      if (!isFirstOfSide) return phase.holdCount > 1 ? `${setWords}Hold` : `${setWords}Begin`;
      return side ? `${name}. ${side}` : `${setWords}${name}. Begin`;
    }
  }
}

/** Words for any cue that has some, for speech and for the on-screen caption. */
export function cueWords(cue: PlayerCue): string | null {
  switch (cue.type) {
    case 'phase-start':
      return phaseAnnouncement(cue.phase, cue.item);
    case 'countdown':
      return String(cue.secondsLeft);
    case 'rep':
      return cue.prompt ?? String(cue.rep);
    case 'breath':
      return cue.direction === 'in' ? 'Breathe in' : 'Breathe out';
    case 'paused':
      return 'Paused';
    case 'resumed':
      return 'Resuming';
    case 'finished':
      return cue.reason === 'completed' ? 'Routine complete. Well done' : 'Routine ended';
  }
}

/** What the player's stage shows for the current phase, large and at a glance. */
export interface StageWords {
  /** What to do now: "Get ready", "Hold", "Move with the count", "Breathe", "Switch sides", "Rest", "Relax". */
  label: string;
  /** The exercise, or during the rest before it, "Next: <exercise>". */
  heading: string;
  /** The side, set and hold counts, or the starting position while preparing. */
  detail: string;
  /** What this rep or hold asks, on screen as well as spoken ('' when the exercise gives none). */
  prompt: string;
}

const workLabels: Record<Phase['pacing']['kind'], string> = { hold: 'Hold', reps: 'Move with the count', breathing: 'Breathe' };

export function stageLabel(phase: Phase, item: PlannedItem): string {
  return phase.kind === 'work' ? workLabels[phase.pacing.kind] : phaseTitle(phase, item);
}

export function stageHeading(phase: Phase, item: PlannedItem): string {
  return phase.kind === 'prepare' ? `Next: ${item.exercise.name}` : item.exercise.name;
}

/** Counts are named only when there is more than one, so a single set of one hold says just the side (or nothing). */
export function stageDetail(phase: Phase, item: PlannedItem): string {
  if (phase.kind === 'prepare') return `Start ${item.exercise.startingPosition}`;
  const parts = [sideLabel(phase)];
  if (phase.setCount > 1) parts.push(`Set ${phase.set} of ${phase.setCount}`);
  if (phase.holdCount > 1) {
    // A relax between holds points at the hold to come.
    const nextHold = phase.kind === 'rest' && phase.hold > 1;
    parts.push(nextHold ? `Next: hold ${phase.hold} of ${phase.holdCount}` : `Hold ${phase.hold} of ${phase.holdCount}`);
  }
  return parts.filter(Boolean).join(' · ');
}

/** `rep` is the rep under way in a reps exercise (the player's snapshot has it), else null. */
export function stageWords(phase: Phase, item: PlannedItem, rep: number | null = null): StageWords {
  return { label: stageLabel(phase, item), heading: stageHeading(phase, item), detail: stageDetail(phase, item), prompt: movePrompt(phase, item, rep) ?? '' };
}
