import type { SystemApi } from '../../../core/bridge/bridge-api';
import { openFileKinds, tooLargeMessage } from '../../../core/bridge/host-files';

/**
 * Files in a plain browser: a save is a download (the browser decides where,
 * usually the Downloads folder), an open is the browser's file picker, and
 * the report opens in the app's print view for the browser's print dialog.
 */

const saveFile: SystemApi['saveFile'] = async (file) => {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mediaType};charset=utf-8` }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
  link.click();
  // Revoked on the next turn: the download has taken its copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return { saved: true, where: `your browser's downloads, as ${file.fileName}` };
};

const openFile: SystemApi['openFile'] = (kind) =>
  new Promise((resolve, reject) => {
    const input = Object.assign(document.createElement('input'), { type: 'file', accept: openFileKinds[kind].extensions.map((e) => `.${e}`).join(',') });
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      if (file.size > openFileKinds[kind].maxBytes) return reject(new Error(tooLargeMessage(kind, file.name, file.size)));
      file.text().then((text) => resolve({ name: file.name, text }), reject);
    });
    input.click();
  });

export const browserFiles: Pick<SystemApi, 'saveFile' | 'openFile' | 'printReport' | 'reportReady'> = {
  saveFile,
  openFile,
  printReport: () => Promise.resolve('show-print-view'),
  reportReady: () => undefined,
};
