import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, validateContent, type ContentFile, type ValidatedContent } from '../core/content/validate-content';

/** The folder this file sits in: the bundled exercise and routine content. */
export const bundledContentDir = fileURLToPath(new URL('.', import.meta.url));

function readJsonFiles(dir: string, shownFrom: string): ContentFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { file: relative(shownFrom, path), text: readFileSync(path, 'utf8') };
    });
}

/** Reads `library/*.json` and `routines/*.json` under `contentDir` and validates them together. */
export function loadContentDir(contentDir: string, shownFrom = join(contentDir, '..')): ValidatedContent {
  return validateContent(
    readJsonFiles(join(contentDir, 'library'), shownFrom),
    readJsonFiles(join(contentDir, 'routines'), shownFrom),
  );
}

/** Loads content and throws one error listing every problem, each naming file and field. */
export function loadValidContentDir(contentDir: string): ValidatedContent {
  const content = loadContentDir(contentDir);
  if (content.problems.length > 0) {
    const lines = content.problems.map(formatProblem);
    throw new Error(`Invalid exercise content (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n  ${lines.join('\n  ')}`);
  }
  return content;
}
