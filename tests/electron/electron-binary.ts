// @ts-expect-error TS7016: the script is plain JavaScript shared with `npm start`, and this project's TypeScript does not read JS (no allowJs)
import { findElectronBinary as find } from '../../scripts/electron-binary.mjs';

/** The installed Electron executable, or why there is none; see scripts/electron-binary.mjs. */
export type ElectronBinary = { path: string } | { reason: string };

export const findElectronBinary: (root?: string) => ElectronBinary = find;
