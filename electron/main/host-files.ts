import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type FileFilter, type IpcMainEvent, type WebContents } from 'electron';
import type { z } from 'zod';
import {
  openFileChannel,
  openFileKinds,
  openFileKindSchema,
  printReportChannel,
  reportPrintPath,
  reportReadyChannel,
  reportRequestSchema,
  saveFileChannel,
  saveFileSchema,
  tooLargeMessage,
  type OpenedFile,
  type OpenFileKind,
  type ReportRequest,
  type SaveOutcome,
} from '../../core/bridge/host-files';
import type { BridgeResult } from '../../core/bridge/requests';
import { handleValidated } from './ipc';
import { validateSender } from './sender-policy';
import { appEntryUrl } from './url-policy';

/**
 * Files in and out of the desktop app (definitions in core/bridge/host-files):
 * native save and open dialogs, and the progress report printed to PDF from
 * a hidden window showing the app's own print view. Files are written only
 * where the person chose, readable by them alone (it is health data).
 */

export interface HostFilesOptions {
  /** The window dialogs belong to. */
  parent: () => BrowserWindow | null;
  preloadPath: string;
  isPackaged: boolean;
}

const REPORT_DRAW_LIMIT_MS = 60_000;

async function answer<T>(channel: string, schema: z.ZodType, payload: unknown, action: (value: never) => Promise<T>): Promise<BridgeResult<T>> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-request', message: `${channel}: ${parsed.error.issues[0]?.message ?? 'not valid'}` } };
  try {
    return { ok: true, value: await action(parsed.data as never) };
  } catch (error) {
    return { ok: false, error: { code: 'storage', message: (error as Error).message } };
  }
}

async function writePrivate(path: string, data: string | Buffer): Promise<void> {
  await writeFile(path, data, { mode: 0o600 });
  // An existing file keeps its old mode through writeFile: tighten it too.
  if (process.platform !== 'win32') await chmod(path, 0o600);
}

async function saveWithDialog(options: HostFilesOptions, fileName: string, filter: FileFilter, data: string | Buffer): Promise<SaveOutcome> {
  const parent = options.parent();
  const dialogOptions = { defaultPath: join(app.getPath('documents'), fileName), filters: [filter] };
  const chosen = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  if (chosen.canceled || !chosen.filePath) return { saved: false };
  await writePrivate(chosen.filePath, data);
  return { saved: true, where: chosen.filePath };
}

async function openWithDialog(options: HostFilesOptions, kind: OpenFileKind): Promise<OpenedFile | null> {
  const { label, extensions, maxBytes } = openFileKinds[kind];
  const parent = options.parent();
  const dialogOptions = { properties: ['openFile' as const], filters: [{ name: label, extensions: [...extensions] }] };
  const chosen = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  const path = chosen.filePaths[0];
  if (chosen.canceled || !path) return null;
  const { size } = await stat(path);
  if (size > maxBytes) throw new Error(tooLargeMessage(kind, basename(path), size));
  return { name: basename(path), text: await readFile(path, 'utf8') };
}

/** Resolves when the print view in `contents` says every chart is drawn; no fixed sleep. */
function reportDrawn(contents: WebContents): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (event: IpcMainEvent) => {
      if (event.sender !== contents || !validateSender(event.senderFrame).ok) return;
      cleanUp();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanUp();
      reject(new Error('The report did not finish drawing within a minute. Try a shorter date range.'));
    }, REPORT_DRAW_LIMIT_MS);
    const cleanUp = () => {
      clearTimeout(timer);
      ipcMain.removeListener(reportReadyChannel, done);
    };
    ipcMain.on(reportReadyChannel, done);
  });
}

async function printReport(options: HostFilesOptions, request: ReportRequest): Promise<SaveOutcome> {
  // The main window's preferences, written out again: the security scan checks each window's own literal (a test keeps them equal).
  const printer = new BrowserWindow({
    show: false,
    width: 1000,
    height: 1400,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: !options.isPackaged,
      preload: options.preloadPath,
    },
  });
  try {
    const drawn = reportDrawn(printer.webContents);
    await printer.loadURL(`${appEntryUrl}#${reportPrintPath(request)}`);
    await drawn;
    // The paper is passed explicitly: printToPDF would otherwise use Letter everywhere.
    const pdf = await printer.webContents.printToPDF({ pageSize: request.paper === 'a4' ? 'A4' : 'Letter', printBackground: true });
    const fileName = `backcare-report-${request.from}-to-${request.to}.pdf`;
    return await saveWithDialog(options, fileName, { name: 'PDF report', extensions: ['pdf'] }, pdf);
  } finally {
    printer.destroy();
  }
}

export function registerHostFiles(options: HostFilesOptions, log?: (message: string) => void): void {
  handleValidated(saveFileChannel, (payload) =>
    answer(saveFileChannel, saveFileSchema, payload, (file: z.infer<typeof saveFileSchema>) => {
      const extension = file.mediaType === 'text/csv' ? 'csv' : 'json';
      return saveWithDialog(options, file.fileName, { name: extension.toUpperCase(), extensions: [extension] }, file.text);
    }), log);
  handleValidated(openFileChannel, (payload) => answer(openFileChannel, openFileKindSchema, payload, (kind: OpenFileKind) => openWithDialog(options, kind)), log);
  handleValidated(printReportChannel, (payload) => answer(printReportChannel, reportRequestSchema, payload, (request: ReportRequest) => printReport(options, request)), log);
}
