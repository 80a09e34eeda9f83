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
      const prompt = item.exercise.repPrompts?.[phase.hold - 1];
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
      return String(cue.rep);
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
