/**
 * The mean of `count` values summing to `sum`, rounded to one decimal; null
 * for no values. Scores are whole numbers, so sum × 10 ÷ count is an exact
 * fraction and halves round up the same way every time (2.25 → 2.3), which
 * rounding mean × 10 would not promise.
 */
export function meanToTenth(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum * 10) / count) / 10 : null;
}
