// The sandboxed preload: builds `window.backcareBridge` and nothing else.
// It may import only `electron` and `core/bridge/*`: it is bundled into one
// CommonJS file (zod comes with the request definitions it takes names from).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { menuCommands, type MenuCommand } from '../../core/bridge/bridge-api';
import { openFileChannel, printReportChannel, reportReadyChannel, saveFileChannel } from '../../core/bridge/host-files';
import { isRequestName, type BridgeResult, type RequestName, type RequestOf, type ResponseOf } from '../../core/bridge/requests';
import { keepAwakeChannel, menuCommandChannel, preloadGlobalName, type PreloadBridge } from '../../core/bridge/preload-bridge';

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
}

/** Any name outside the request definitions is refused here, before it reaches the main process. */
async function invoke<N extends RequestName>(channel: N, request: RequestOf<N>): Promise<BridgeResult<ResponseOf<N>>> {
  if (!isRequestName(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Unknown request "${String(channel).slice(0, 60)}"` } };
  }
  try {
    // The main process answers every channel with the handler table's envelope.
    return (await ipcRenderer.invoke(channel, request)) as BridgeResult<ResponseOf<N>>;
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `The app did not answer ${channel}: ${(error as Error).message}` } };
  }
}

/** A system request: its envelope's value, or its message as an error the screen shows. */
async function system<T>(channel: string, payload: unknown): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, payload)) as BridgeResult<T>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Passes on only known commands, and never the IPC event (its `sender` would reach ipcRenderer). */
function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  if (typeof listener !== 'function') return () => undefined;
  const forward = (_event: IpcRendererEvent, command: unknown) => {
    if (isMenuCommand(command)) listener(command);
  };
  ipcRenderer.on(menuCommandChannel, forward);
  return () => {
    ipcRenderer.removeListener(menuCommandChannel, forward);
  };
}

const bridge: PreloadBridge = {
  invoke,
  keepAwake: (on) => system(keepAwakeChannel, on),
  onMenuCommand,
  saveFile: (file) => system(saveFileChannel, file),
  openFile: (kind) => system(openFileChannel, kind),
  printReport: (request) => system(printReportChannel, request),
  reportReady: () => ipcRenderer.send(reportReadyChannel),
};

contextBridge.exposeInMainWorld(preloadGlobalName, bridge);
