import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

type IpcHandler = (event: { senderFrame: unknown }, payload: unknown) => Promise<unknown>;
type Listener = (event: { sender: unknown; senderFrame: unknown }) => void;

// The real `electron` cannot load in plain Node: a stand-in records dialogs, windows and printing.
const fake = vi.hoisted(() => ({
  handlers: new Map<string, IpcHandler>(),
  listeners: new Map<string, Set<Listener>>(),
  saveResult: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
  openResult: { canceled: false, filePaths: [] as string[] },
  windows: [] as { url: string; destroyed: boolean; contents: object; printOptions: unknown; options: unknown }[],
}));
vi.mock('electron', () => {
  class BrowserWindow {
    readonly record = { url: '', destroyed: false, contents: {}, printOptions: null as unknown, options: null as unknown };
    readonly webContents = {
      printToPDF: async (options: unknown) => {
        this.record.printOptions = options;
        return Buffer.from('%PDF-1.4 fake');
      },
    };
    constructor(readonly options: unknown) {
      this.record.contents = this.webContents;
      this.record.options = options;
      fake.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.url = url;
      // The print view says it has drawn, as the renderer would once its charts are done.
      setTimeout(() => {
        for (const listener of fake.listeners.get('system:report-ready') ?? []) listener({ sender: this.webContents, senderFrame: { url, parent: null } });
      }, 5);
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    app: { getPath: () => tmpdir() },
    BrowserWindow,
    dialog: { showSaveDialog: async () => fake.saveResult, showOpenDialog: async () => fake.openResult },
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => fake.handlers.set(channel, handler),
      on: (channel: string, listener: Listener) => {
        if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
        fake.listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: Listener) => fake.listeners.get(channel)?.delete(listener),
    },
  };
});

const { registerHostFiles } = await import('../../../electron/main/host-files');
registerHostFiles({ parent: () => null, preloadPath: '/app/preload.cjs', isPackaged: true }, () => undefined);

const ownPage = { senderFrame: { url: 'app://backcare/index.html', parent: null } };
const call = (channel: string, payload: unknown) => fake.handlers.get(channel)!(ownPage, payload);
const folder = () => mkdtempSync(join(tmpdir(), 'backcare-host-files-'));

describe('desktop files', () => {
  it('saves a file only where the dialog chose, readable by its owner alone', async () => {
    const path = join(folder(), 'spasms.csv');
    fake.saveResult = { canceled: false, filePath: path };
    const answer = await call('system:save-file', { fileName: 'backcare-spasms-2026-11-24.csv', mediaType: 'text/csv', text: '\uFEFFa,b' });
    expect(answer).toEqual({ ok: true, value: { saved: true, where: path } });
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFa,b');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writes nothing when the dialog is cancelled, and refuses a file name with a folder in it', async () => {
    fake.saveResult = { canceled: true };
    expect(await call('system:save-file', { fileName: 'a.csv', mediaType: 'text/csv', text: '' })).toEqual({ ok: true, value: { saved: false } });
    expect(await call('system:save-file', { fileName: '../../.bashrc', mediaType: 'text/csv', text: '' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('reads a chosen file, and refuses one over its kind\'s limit before reading it', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'routine.json'), '{"format":"x"}');
    fake.openResult = { canceled: false, filePaths: [join(dir, 'routine.json')] };
    expect(await call('system:open-file', 'routine')).toEqual({ ok: true, value: { name: 'routine.json', text: '{"format":"x"}' } });
    writeFileSync(join(dir, 'video.json'), Buffer.alloc(2 * 1_048_576));
    fake.openResult = { canceled: false, filePaths: [join(dir, 'video.json')] };
    expect(await call('system:open-file', 'routine')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/"video\.json" is 2\.0 MB; a routine from your therapist file can be at most 1\.0 MB/) } });
    fake.openResult = { canceled: true, filePaths: [] };
    expect(await call('system:open-file', 'backup')).toEqual({ ok: true, value: null });
    expect(await call('system:open-file', 'passwords')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('prints the report view to PDF on the paper asked for once it has drawn, saves it, and closes the hidden window', async () => {
    const path = join(folder(), 'report.pdf');
    fake.saveResult = { canceled: false, filePath: path };
    const request = { from: '2026-10-05', to: '2026-11-15', paper: 'letter', patientName: 'Sam', therapistName: '' };
    expect(await call('system:print-report', request)).toEqual({ ok: true, value: { saved: true, where: path } });
    const printer = fake.windows.at(-1)!;
    expect(printer.url).toBe('app://backcare/index.html#/report/print?from=2026-10-05&to=2026-11-15&paper=letter&patient=Sam&therapist=');
    expect(printer.printOptions).toMatchObject({ pageSize: 'Letter', printBackground: true });
    expect(printer.destroyed).toBe(true);
    // Hidden, and as locked down as the main window (the same preferences window.test.ts checks there).
    expect(printer.options).toMatchObject({
      show: false,
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
        devTools: false,
        preload: '/app/preload.cjs',
      },
    });
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.4 fake');
    expect(fake.listeners.get('system:report-ready')?.size).toBe(0);
  });
});
