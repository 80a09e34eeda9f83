import type { PlayerCue } from '../../../core/player/cues';
import { cueWords } from '../../../core/player/phase-words';

export interface SpeechOptions {
  enabled: boolean;
  voiceName: string | null;
  rate: number;
}

/**
 * How each cue is spoken. An instruction cuts off whatever was being said, so
 * speech never lags the screen (saying "Paused" also stops the sentence under
 * way). A count ("3", "and release") is said only into silence: it never cuts
 * off an instruction, and is simply left out when one is still being spoken.
 */
function speechFor(cue: PlayerCue): 'instruction' | 'count' | null {
  switch (cue.type) {
    case 'countdown':
      return cue.spoken ? 'count' : null;
    case 'rep-turn':
      return 'count';
    default:
      return 'instruction';
  }
}

/**
 * Speaks cues with the platform's speech synthesis. Where there is none, or
 * no voice installed, it does nothing: the same words show as a caption.
 */
export function useSpeech(options: () => SpeechOptions) {
  const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

  function say(text: string, intoSilenceOnly = false): void {
    const { voiceName, rate } = options();
    if (!synth || typeof SpeechSynthesisUtterance !== 'function') return;
    if (intoSilenceOnly && (synth.speaking || synth.pending)) return;
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
    const kind = speechFor(cue);
    if (!options().enabled || !kind) return;
    const words = cueWords(cue);
    if (words) say(words, kind === 'count');
  }

  function stop(): void {
    synth?.cancel();
  }

  function voices(): SpeechSynthesisVoice[] {
    return synth?.getVoices() ?? [];
  }

  return { speakCue, say, stop, voices, available: synth !== null };
}
