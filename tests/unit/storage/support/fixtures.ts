import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixtureDir = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'storage');
export const fixtureText = (name: string) => readFileSync(join(fixtureDir, name), 'utf8');
export const fixtureJson = (name: string) => JSON.parse(fixtureText(name)) as Record<string, unknown>;

/** Puts a fixture in a data folder as the store file `<store>.json`. */
export const installFixture = (name: string, dir: string, store: string) => copyFileSync(join(fixtureDir, name), join(dir, `${store}.json`));
