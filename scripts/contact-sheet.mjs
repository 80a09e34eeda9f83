// Draws every illustration on one page, each with its file name and the
// exercises that use it, so a person can look at them all at once.
//
//   node scripts/contact-sheet.mjs                         all drawings, to tests/screenshots/illustrations-contact-sheet.png
//   node scripts/contact-sheet.mjs --only bird-dog,log-roll --size 480 --out /tmp/sheet.png
//
// It uses Debian's Chromium (set CHROMIUM_PATH to use another), as the
// end-to-end tests do, with nothing reaching the network.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(repoRoot, 'tests', 'screenshots', 'illustrations-contact-sheet.png') },
    only: { type: 'string' },
    size: { type: 'string', default: '240' },
    columns: { type: 'string' },
  },
});

const drawingsDir = join(repoRoot, 'assets', 'illustrations');
const libraryDir = join(repoRoot, 'exercises', 'library');
const wanted = values.only ? new Set(values.only.split(',').map((name) => name.replace(/\.svg$/, '') + '.svg')) : null;

/** Which exercises use each drawing, by file name. */
const usedBy = new Map();
for (const name of readdirSync(libraryDir).filter((n) => n.endsWith('.json'))) {
  const exercise = JSON.parse(readFileSync(join(libraryDir, name), 'utf8'));
  usedBy.set(exercise.illustration, [...(usedBy.get(exercise.illustration) ?? []), exercise.name]);
}

const files = readdirSync(drawingsDir)
  .filter((name) => name.endsWith('.svg') && (!wanted || wanted.has(name)))
  .sort();
if (files.length === 0) throw new Error('No drawings matched.');

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const width = Number(values.size);
const columns = Number(values.columns ?? (width > 300 ? 2 : 4));
const cells = files
  .map((file) => {
    const names = usedBy.get(file) ?? ['(used by no exercise)'];
    return `<figure>${readFileSync(join(drawingsDir, file), 'utf8')}<figcaption><b>${escape(file)}</b><br>${escape(names.join(', '))}</figcaption></figure>`;
  })
  .join('\n');
const html = `<!doctype html><meta charset="utf-8"><style>
  body { margin: 16px; font: 13px/1.3 sans-serif; color: #1d2733; background: #fff; }
  main { display: grid; grid-template-columns: repeat(${columns}, ${width}px); gap: 16px; }
  figure { margin: 0; border: 1px solid #ccd; border-radius: 6px; padding: 6px; }
  svg { display: block; width: 100%; height: auto; }
  svg .accent { stroke: #1a6fb5; }
  figcaption { margin-top: 4px; }
</style><h1 style="font-size:16px">Backcare Coach drawings (${files.length})</h1><main>${cells}</main>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: columns * (width + 30) + 32, height: 600 } });
  await page.setContent(html);
  mkdirSync(dirname(values.out), { recursive: true });
  await page.screenshot({ path: values.out, fullPage: true });
  console.log(`${files.length} drawings → ${values.out}`);
} finally {
  await browser.close();
}
