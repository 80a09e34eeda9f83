import { onScopeDispose, shallowRef, type ShallowRef } from 'vue';

/** The theme's colours as canvas can use them (resolved rgb() strings, not CSS variables). */
export interface ChartPalette {
  text: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
  danger: string;
  focus: string;
}

const tokens: Record<keyof ChartPalette, string> = {
  text: '--text',
  muted: '--muted',
  border: '--border',
  surface: '--surface',
  accent: '--accent',
  danger: '--danger',
  focus: '--focus',
};

/**
 * Reads the palette from styles/base.css. A custom property's computed value
 * is still the unresolved `light-dark(…, …)` text, so each token is put on a
 * real property of a probe element and read back as the colour it resolves
 * to under the page's current colour scheme.
 */
export function readChartPalette(): ChartPalette {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const palette = {} as ChartPalette;
  for (const key of Object.keys(tokens) as (keyof ChartPalette)[]) {
    probe.style.color = `var(${tokens[key]})`;
    palette[key] = getComputedStyle(probe).color;
  }
  probe.remove();
  return palette;
}

/** "rgb(11, 107, 99)" with an alpha: for fills under a solid border. */
export function withAlpha(color: string, alpha: number): string {
  const [r, g, b] = color.match(/[\d.]+/g) ?? ['0', '0', '0'];
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * The chart palette, kept in step with the theme: the setting (data-theme on
 * the root), the system's light or dark preference, and printing (base.css
 * prints in the light scheme, so charts print dark on white).
 */
export function useChartTheme(): ShallowRef<ChartPalette> {
  const palette = shallowRef(readChartPalette());
  const reread = () => {
    palette.value = readChartPalette();
  };
  const observer = new MutationObserver(reread);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const queries = ['(prefers-color-scheme: dark)', 'print'].map((query) => window.matchMedia(query));
  for (const query of queries) query.addEventListener('change', reread);
  onScopeDispose(() => {
    observer.disconnect();
    for (const query of queries) query.removeEventListener('change', reread);
  });
  return palette;
}
