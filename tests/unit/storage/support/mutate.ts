/** Random and mutated request payloads for the fuzz test, driven by a seeded generator. */

type Random = () => number;
type Json = unknown;

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const oddStrings = ['', ' ', 'x'.repeat(81), 'x'.repeat(2001), '\u0000', '😀'.repeat(40), '2026-02-30', '2026-11-24T25:00:00Z', '1999-12-31T23:59:59Z', '2099-01-01T00:00:00+00:00', 'not-a-uuid', '__proto__', 'Europe/Nowhere', '<script>', '../../etc/passwd'];
const oddNumbers = [0, -1, 1, 0.5, 10, 11, 500, 501, 1e308, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 24 * 3600_000 + 1];

export function randomValue(random: Random, depth = 0): Json {
  switch (int(random, 0, depth > 2 ? 5 : 7)) {
    case 0: return null;
    case 1: return random() < 0.5;
    case 2: return pick(random, oddNumbers);
    case 3: return pick(random, oddStrings);
    case 4: return 'x'.repeat(int(random, 0, 300));
    case 5: return undefined;
    case 6: return Array.from({ length: int(random, 0, 3) }, () => randomValue(random, depth + 1));
    default: return Object.fromEntries(Array.from({ length: int(random, 0, 3) }, () => [pick(random, ['a', 'id', 'note', '__proto__', 'constructor']), randomValue(random, depth + 1)]));
  }
}

/** Shifts a date-like string a little or a lot: a day, an offset, a century, a broken field. */
function mutateDate(random: Random, value: string): string {
  return pick(random, [
    () => value.replace(/\d{2}(?=T|$)/, (d) => String((Number(d) % 28) + 1).padStart(2, '0')),
    () => value.replace(/([+-]\d{2}:\d{2}|Z)$/, pick(random, ['+14:00', '-12:00', 'Z', '', '+25:00'])),
    () => value.replace(/^\d{4}/, pick(random, ['1999', '2000', '2027', '2100'])),
    () => value.slice(0, int(random, 0, value.length)),
    () => `${value}x`,
  ])();
}

function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => paths((value as Record<string | number, Json>)[key], [...prefix, key]))];
}

function setAt(root: Json, path: (string | number)[], update: (old: Json) => Json | typeof REMOVE): Json {
  if (path.length === 0) {
    const next = update(root);
    return next === REMOVE ? undefined : next;
  }
  const copy = (Array.isArray(root) ? [...(root as Json[])] : { ...(root as Record<string, Json>) }) as Record<string | number, Json>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const next = setAt(copy[head], rest, update);
  if (next === undefined && rest.length === 0) delete copy[head];
  else copy[head] = next;
  return copy;
}

const REMOVE = Symbol('remove');

/** One to three changes at random places: removed, replaced, retyped, a date nudged, a key added. */
export function mutate(random: Random, payload: Json): Json {
  let current = structuredClone(payload);
  for (let n = int(random, 1, 3); n > 0; n--) {
    const path = pick(random, paths(current));
    current = setAt(current, path, (old) => {
      const action = int(random, 0, 4);
      if (action === 0 && path.length > 0) return REMOVE;
      if (action === 1 && typeof old === 'string' && /^\d{4}-\d{2}-\d{2}/.test(old)) return mutateDate(random, old);
      if (action === 2 && typeof old === 'object' && old !== null && !Array.isArray(old)) return { ...old, [pick(random, ['extra', 'id', 'updatedAt', '__proto__'])]: randomValue(random) };
      if (action === 3 && typeof old === 'number') return old + pick(random, [-1, 1, 0.5, 100]);
      return randomValue(random);
    });
  }
  return current;
}
