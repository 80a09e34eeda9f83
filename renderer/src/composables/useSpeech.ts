import type { PlayerCue } from '../../../core/player/cues';
import { cueWords } from '../../../core/player/phase-words';

export interface SpeechOptions {
  enabled: boolean;
  voiceName: string | null;
  rate: number;
}

/** Cues worth saying aloud; countdown numbers and reps are left to the beeps. */
// Pause and resume are spoken too: saying "Paused" also cuts off whatever was being said.
const spoken = new Set<PlayerCue['type']>(['phase-start', 'breath', 'finished', 'paused', 'resumed']);

/**
 * Speaks cues with the platform's speech synthesis. Where there is none, or
 * no voice installed, it does nothing: the same words show as a caption.
 */
export function useSpeech(options: () => SpeechOptions) {
  const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

  function say(text: string): void {
    const { voiceName, rate } = options();
    if (!synth || typeof SpeechSynthesisUtterance !== 'function') return;
    try {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.rate = rate;
      const voice = voiceName ? synth.getVoices().find((v) => v.name === voiceName) : undefined;
      if (voice) utterance.voice = voice;
      // A new instruction replaces one still being spoken, so speech never lags the screen.
      synth.cancel();
      synth.speak(utterance);
    } catch {
      // No speech engine: captions carry the words.
    }
  }

  function speakCue(cue: PlayerCue): void {
    // A rep is spoken only when it has its own words ("Knees to the right"); a bare count is a tone.
    const speaks = spoken.has(cue.type) || (cue.type === 'rep' && cue.prompt !== null);
    if (!options().enabled || !speaks) return;
    const words = cueWords(cue);
    if (words) say(words);
  }

  function stop(): void {
    synth?.cancel();
  }

  function voices(): SpeechSynthesisVoice[] {
    return synth?.getVoices() ?? [];
  }

  return { speakCue, say, stop, voices, available: synth !== null };
}
