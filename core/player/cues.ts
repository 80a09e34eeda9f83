import type { Phase, PlannedItem } from './timeline';

/**
 * What the player announces. The renderer turns each cue into a tone, a
 * spoken phrase and a visible change, so no cue is sound-only.
 */
export type PlayerCue =
  | { type: 'phase-start'; phase: Phase; item: PlannedItem }
  | { type: 'countdown'; secondsLeft: number }
  /** `prompt`: what this rep asks, for exercises that say it rep by rep ("Knees to the right"). */
  | { type: 'rep'; rep: number; of: number; prompt: string | null }
  | { type: 'breath'; direction: 'in' | 'out'; count: number }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'finished'; reason: 'completed' | 'ended-early' };
