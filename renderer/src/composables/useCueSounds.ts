import type { PlayerCue } from '../../../core/player/cues';

/**
 * Short tones for the player's cues, made with Web Audio (no sound files):
 * a high beep for each of the last three seconds, a two-note chime at every
 * change of phase, a soft tick for each paced rep. With no audio device, or
 * no Web Audio at all, it stays silent: every cue also shows on screen.
 */

type Note = { frequency: number; startS: number; lengthS: number; volume: number };

const tones: Partial<Record<PlayerCue['type'], Note[]>> = {
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

export function useCueSounds(isEnabled: () => boolean) {
  let context: AudioContext | null = null;

  function audio(): AudioContext | null {
    if (context) return context;
    try {
      context = typeof AudioContext === 'function' ? new AudioContext() : null;
    } catch {
      context = null;
    }
    return context;
  }

  function playNotes(notes: Note[]): void {
    const ctx = audio();
    if (!ctx) return;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const now = ctx.currentTime;
    for (const note of notes) {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      // A quick fade in and out avoids clicks.
      gain.gain.setValueAtTime(0, now + note.startS);
      gain.gain.linearRampToValueAtTime(note.volume, now + note.startS + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + note.startS + note.lengthS);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(now + note.startS);
      oscillator.stop(now + note.startS + note.lengthS + 0.02);
    }
  }

  function play(cue: PlayerCue): void {
    const notes = tones[cue.type];
    if (!notes || !isEnabled()) return;
    try {
      playNotes(notes);
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
