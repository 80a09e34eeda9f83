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
 * exercises that give each its own words ("Knees to the right", "Feet: gently
 * curl your toes") or a two-part call for every rep ("Tilt", then halfway
 * "and release"). `rep` is the rep under way (1 at the start); `turned` says
 * it is past its halfway point.
 */
export function movePrompt(phase: Phase, item: PlannedItem, rep: number | null, turned = false): string | null {
  if (phase.kind !== 'work') return null;
  const { repPrompts, repCall } = item.exercise;
  if (phase.pacing.kind !== 'reps') return repPrompts?.[phase.hold - 1] ?? null;
  const own = repPrompts?.[(rep ?? 1) - 1];
  if (own) return own;
  if (!repCall) return null;
  return turned ? repCall.back : repCall.go;
}

/** What is said as a rep starts: what it asks, with its number when the call is the same every rep; else just the number. */
export function repWords(phase: Phase, item: PlannedItem, rep: number): { words: string; ownWords: boolean } {
  const prompt = movePrompt(phase, item, rep);
  if (!prompt) return { words: String(rep), ownWords: false };
  return { words: item.exercise.repPrompts?.[rep - 1] ? prompt : `${rep}. ${prompt}`, ownWords: true };
}

/** The first sentence of an exercise's first step: its first instruction, short enough to say before it starts. */
export function firstInstruction(item: PlannedItem): string {
  const step = item.exercise.steps[0] ?? '';
  const sentence = /^.*?[.!?](?=\s|$)/.exec(step)?.[0] ?? step;
  return sentence.trim();
}

const secondsWords = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
};

/** "Set 2 of 3. " at the start of a later set's first hold or reps; '' otherwise. */
function setPrefix(phase: Phase): string {
  return phase.setCount > 1 && phase.hold === 1 && phase.set > 1 ? `Set ${phase.set} of ${phase.setCount}. ` : '';
}

function holdAnnouncement(phase: Phase, item: PlannedItem): string {
  const length = secondsWords(phase.endMs - phase.startMs);
  const prompt = movePrompt(phase, item, null);
  const isFirstOfSide = phase.set === 1 && phase.hold === 1;
  if (isFirstOfSide) return [item.exercise.name, sideLabel(phase), prompt, `Hold for ${length}`].filter(Boolean).join('. ');
  const which = phase.holdCount > 1 ? `Hold ${phase.hold} of ${phase.holdCount}` : 'Hold';
  return `${setPrefix(phase)}${[which, prompt].filter(Boolean).join('. ')}, for ${length}`;
}

function repsAnnouncement(phase: Phase, item: PlannedItem): string {
  const reps = phase.pacing.kind === 'reps' ? phase.pacing.reps : 1;
  const isFirstOfSide = phase.set === 1;
  const opening = isFirstOfSide ? [item.exercise.name, sideLabel(phase)] : [];
  const parts = [...opening, `${reps} reps, with the count`, repWords(phase, item, 1).words].filter(Boolean);
  return `${setPrefix(phase)}${parts.join('. ')}`;
}

/**
 * The spoken form of a phase start: everything needed to follow the routine
 * with the screen face down. Before an exercise: its name, starting position
 * and first instruction; at its start: the side, the set, what to do and for
 * how long; between: rest, relax or switch sides, and what comes next.
 */
export function phaseAnnouncement(phase: Phase, item: PlannedItem): string {
  const name = item.exercise.name;
  switch (phase.kind) {
    case 'prepare': {
      const opening = phase.itemIndex === 0 ? 'Get ready. First' : 'Rest. Next';
      return `${opening}: ${name}, ${item.exercise.startingPosition}. ${firstInstruction(item)}`;
    }
    case 'switch-sides':
      return `Switch sides. Next: ${sideLabel(phase)?.toLowerCase() ?? 'the other side'}`;
    case 'rest':
      if (phase.hold > 1) return 'Relax';
      return `Rest. Next: set ${phase.set} of ${phase.setCount}`;
    case 'work':
      // The first breath starts with the phase: its "Breathe in" is said with it (a cue of its own would cut the announcement off).
      if (phase.pacing.kind === 'breathing') return `${name}. Breathe in`;
      return phase.pacing.kind === 'reps' ? repsAnnouncement(phase, item) : holdAnnouncement(phase, item);
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
      return cue.words;
    case 'rep-turn':
      return cue.words;
    case 'breath':
      return cue.direction === 'in' ? 'Breathe in' : 'Breathe out';
    case 'paused':
      return 'Paused';
    case 'resumed':
      return 'Resuming';
    case 'stopped':
      return 'Stopped';
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

/** `rep` is the rep under way in a reps exercise (the player's snapshot has it), else null; `turned`, past its halfway point. */
export function stageWords(phase: Phase, item: PlannedItem, rep: number | null = null, turned = false): StageWords {
  const prompt = movePrompt(phase, item, rep, turned) ?? '';
  return { label: stageLabel(phase, item), heading: stageHeading(phase, item), detail: stageDetail(phase, item), prompt };
}
