import type { ExportFile } from '../export/export-file';
import type { StorageNotice } from '../log/history';
import type { OpenFileKind, OpenedFile, ReportRequest, SaveOutcome } from './host-files';
import type { BridgeErrorInfo, BridgeResult, RequestName, RequestOf, ResponseOf } from './requests';

/**
 * The one object the renderer uses to reach the app's data, on either host:
 * `api.request('history:list', query)`, typed by the request's definition
 * in requests.ts. Only the renderer's Pinia stores call it.
 */
export interface BackcareApi {
  host: 'electron' | 'browser';
  request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>>;
  /** Storage notices raised while any request was handled (a damaged file found just now), as they arrive. */
  onNotices(listener: (notices: StorageNotice[]) => void): () => void;
  system: SystemApi;
}

/** What differs between hosts: keeping the screen awake, the app menu, and files in and out (see host-files.ts). */
export interface SystemApi {
  keepAwake(on: boolean): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Saves where the person chooses: a save dialog on the desktop, a download in the browser. */
  saveFile(file: ExportFile): Promise<SaveOutcome>;
  /** The text of a file the person picks, or null when they cancel; refuses one over the kind's size limit. */
  openFile(kind: OpenFileKind): Promise<OpenedFile | null>;
  /**
   * The desktop app prints the report view to PDF and saves it where the
   * person chooses; the browser answers 'show-print-view': the app opens the
   * same view there and the browser's own print dialog saves the PDF.
   */
  printReport(request: ReportRequest): Promise<SaveOutcome | 'show-print-view'>;
  /** Called by the report view once every chart has drawn: the desktop app prints it then. */
  reportReady(): void;
}

export const menuCommands = ['show-safety', 'show-settings', 'show-library'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export class BridgeError extends Error {
  constructor(readonly info: BridgeErrorInfo) {
    super(info.message);
    this.name = 'BridgeError';
  }
}

/** Sends one request over a transport and returns its raw envelope. */
export type Transport = <N extends RequestName>(name: N, payload: RequestOf<N>) => Promise<BridgeResult<ResponseOf<N>>>;

/** Builds the typed API from a transport, so the preload and the HTTP client cannot differ. */
export function createBackcareApi(host: BackcareApi['host'], transport: Transport, system: SystemApi): BackcareApi {
  const noticeListeners = new Set<(notices: StorageNotice[]) => void>();
  return {
    host,
    async request(name, payload) {
      const result = await transport(name, payload);
      if (result.notices) for (const listener of noticeListeners) listener(result.notices);
      if (!result.ok) throw new BridgeError(result.error);
      return result.value;
    },
    onNotices(listener) {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    system,
  };
}
