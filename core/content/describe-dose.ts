import type { Dose } from './exercise-schema';

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** A dose in one short line of plain words, e.g. "Hold 25 s, 3 times on each side". */
export function describeDose(dose: Dose): string {
  switch (dose.kind) {
    case 'hold': {
      const sets = dose.sets > 1 ? `, ${dose.sets} sets` : '';
      const side = dose.perSide ? ' on each side' : '';
      return `Hold ${dose.holdSeconds} s, ${times(dose.reps)}${side}${sets}`;
    }
    case 'reps': {
      const sets = dose.sets > 1 ? `, ${dose.sets} sets` : '';
      const side = dose.perSide ? ' on each side' : '';
      return `${dose.reps} slow reps${side}${sets}`;
    }
    case 'breathing':
      return `${dose.breaths} breaths: in for ${dose.inhaleSeconds} s, out for ${dose.exhaleSeconds} s`;
  }
}
