import type { PlayerCue } from '../../../core/player/cues';
import type { ToneName } from '../../../core/player/tone-plan';

/**
 * Short tones for the player's cues, made with Web Audio (no sound files):
 * a high beep for each of the last three seconds, a two-note chime at every
 * change of phase, a soft tick for each paced rep. With no audio device, or
 * no Web Audio at all, it stays silent: every cue also shows on screen.
 *
 * The tone table and `scheduleTone` are the one place tones are shaped; the
 * player schedules them ahead on the audio clock (`useScheduledTones`), and
 * `play` sounds one at once (the Settings screen's "test sound").
 */

// The part of Web Audio the tones use, declared here so the scheduler can be
// driven by a fake audio clock in tests and benchmarks (a real AudioContext fits it).
export interface CueAudioParam {
  value: number;
  setValueAtTime(value: number, atS: number): unknown;
  linearRampToValueAtTime(value: number, atS: number): unknown;
  exponentialRampToValueAtTime(value: number, atS: number): unknown;
}
export interface CueAudioNode {
  connect(destination: CueAudioNode): CueAudioNode;
  disconnect(): void;
}
export interface CueOscillator extends CueAudioNode {
  type: string;
  frequency: { value: number };
  start(atS: number): void;
  stop(atS?: number): void;
}
export interface CueGain extends CueAudioNode {
  gain: CueAudioParam;
}
export interface CueAudioContext {
  readonly currentTime: number;
  readonly state: string;
  readonly destination: CueAudioNode;
  resume(): Promise<void>;
  close(): Promise<void>;
  createOscillator(): CueOscillator;
  createGain(): CueGain;
  /** Pairs the audio clock with `performance.now()` at the moment a sample is heard (Chromium, Firefox, Safari 14.1+). */
  getOutputTimestamp?(): { contextTime?: number; performanceTime?: number };
}

type Note = { frequency: number; startS: number; lengthS: number; volume: number };

export const toneNotes: Record<ToneName, readonly Note[]> = {
  countdown: [{ frequency: 880, startS: 0, lengthS: 0.12, volume: 0.25 }],
  'phase-start': [
    { frequency: 660, startS: 0, lengthS: 0.16, volume: 0.3 },
    { frequency: 990, startS: 0.16, lengthS: 0.28, volume: 0.3 },
  ],
  rep: [{ frequency: 520, startS: 0, lengthS: 0.06, volume: 0.15 }],
  finished: [
    { frequency: 523, startS: 0, lengthS: 0.2, volume: 0.3 },
    { frequency: 659, startS: 0.2, lengthS: 0.2, volume: 0.3 },
    { frequency: 784, startS: 0.4, lengthS: 0.45, volume: 0.3 },
  ],
};

/** Each oscillator runs a little past its fade-out, so the fade ends before the sound is cut. */
const STOP_AFTER_FADE_S = 0.02;

/** A tone handed to the audio hardware: when it starts and ends on the audio clock, and how to call it off. */
export interface ScheduledSound {
  startS: number;
  endS: number;
  /** Stops and disconnects its notes (harmless once they have played). */
  cancel(): void;
}

/** Hands the notes of `tone` to the audio hardware, to start at `atS` on the context's clock. */
export function scheduleTone(ctx: CueAudioContext, tone: ToneName, atS: number): ScheduledSound {
  const notes = toneNotes[tone];
  const nodes = notes.map((note) => {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    const startS = atS + note.startS;
    oscillator.type = 'sine';
    oscillator.frequency.value = note.frequency;
    // A quick fade in and out avoids clicks.
    gain.gain.setValueAtTime(0, startS);
    gain.gain.linearRampToValueAtTime(note.volume, startS + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, startS + note.lengthS);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(startS);
    oscillator.stop(startS + note.lengthS + STOP_AFTER_FADE_S);
    return { oscillator, gain };
  });
  const endS = atS + Math.max(...notes.map((note) => note.startS + note.lengthS + STOP_AFTER_FADE_S));
  const cancel = () => {
    for (const { oscillator, gain } of nodes) {
      try {
        oscillator.stop();
        oscillator.disconnect();
        gain.disconnect();
      } catch {
        // Already stopped or disconnected (or the device went away): nothing left to silence.
      }
    }
  };
  return { startS: atS, endS, cancel };
}

/** A new AudioContext, or null where there is no Web Audio or no device. */
export function createDefaultAudioContext(): CueAudioContext | null {
  // Looked up on globalThis so this file also type-checks (and runs) where the DOM's types are absent.
  const AudioContextClass = (globalThis as { AudioContext?: new () => CueAudioContext }).AudioContext;
  if (typeof AudioContextClass !== 'function') return null;
  try {
    return new AudioContextClass();
  } catch {
    return null;
  }
}

/** A context that may be asleep (autoplay rules) is asked to wake; scheduling on it is still valid. */
export function wake(ctx: CueAudioContext): void {
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
}

/** The tone a cue sounds, if any: a countdown only beeps for the last three seconds (the 5 and 4 of a long hold are only said). */
function toneOf(cue: PlayerCue): ToneName | null {
  if (cue.type === 'countdown') return cue.beep ? 'countdown' : null;
  return cue.type === 'phase-start' || cue.type === 'rep' || cue.type === 'finished' ? cue.type : null;
}

export function useCueSounds(isEnabled: () => boolean) {
  let context: CueAudioContext | null = null;

  function audio(): CueAudioContext | null {
    context ??= createDefaultAudioContext();
    return context;
  }

  function play(cue: PlayerCue): void {
    const tone = toneOf(cue);
    if (!tone || !isEnabled()) return;
    try {
      const ctx = audio();
      if (!ctx) return;
      wake(ctx);
      scheduleTone(ctx, tone, ctx.currentTime);
    } catch {
      // An audio device that vanished mid-routine: carry on silently.
    }
  }

  function close(): void {
    void context?.close().catch(() => undefined);
    context = null;
  }

  return { play, close };
}
