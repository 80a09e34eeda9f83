import type { Phase, PlannedItem } from './timeline';

/**
 * What the player announces. The renderer turns each cue into a tone, a
 * spoken phrase and a visible change, so no cue is sound-only.
 */
export type PlayerCue =
  | { type: 'phase-start'; phase: Phase; item: PlannedItem }
  /** `beep`: one of the last three seconds (a tone); `spoken`: the count is said aloud (the last five seconds of a hold or a get-ready time). */
  | { type: 'countdown'; secondsLeft: number; beep: boolean; spoken: boolean }
  /** `words`: what is said at the rep's start: its number, or what it asks ("Knees to the right", "3. Tilt"); `ownWords` when more than the number. */
  | { type: 'rep'; rep: number; of: number; words: string; ownWords: boolean }
  /** Halfway through a rep of an exercise with a two-part call: "and release". */
  | { type: 'rep-turn'; rep: number; words: string }
  | { type: 'breath'; direction: 'in' | 'out'; count: number }
  | { type: 'paused' }
  | { type: 'resumed' }
  /** "This hurts" was pressed: the routine stopped and waits for the person's choice. */
  | { type: 'stopped' }
  | { type: 'finished'; reason: 'completed' | 'ended-early' };
