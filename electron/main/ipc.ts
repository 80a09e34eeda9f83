import { ipcMain } from 'electron';
import { requestNames, type BridgeResult } from '../../core/bridge/requests';
import type { HandlerTable } from '../../services/handler-table';
import { validateSender } from './sender-policy';

/**
 * The Electron transport for the handler table: one `ipcMain.handle` per
 * channel, each refusing any sender that is not our own top-level page
 * before the payload is even looked at. Validation of the payload itself is
 * the handler table's job, exactly as for the browser host.
 */

type Log = (message: string) => void;

/** `ipcMain.handle` with the sender checked first (like VS Code's `ValidatedIpcMain`). */
export function handleValidated(
  channel: string,
  handler: (payload: unknown) => BridgeResult<unknown> | Promise<BridgeResult<unknown>>,
  log: Log = console.warn,
): void {
  ipcMain.handle(channel, async (event, payload: unknown): Promise<BridgeResult<unknown>> => {
    const sender = validateSender(event.senderFrame);
    if (!sender.ok) {
      log(`Refused ${channel}: ${sender.reason}`);
      return { ok: false, error: { code: 'forbidden', message: `This request was refused: ${sender.reason}.` } };
    }
    return handler(payload);
  });
}

export function registerServiceChannels(handlers: HandlerTable, log?: Log): void {
  for (const channel of requestNames) handleValidated(channel, (payload) => handlers.handle(channel, payload), log);
}
