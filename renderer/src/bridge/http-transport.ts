import type { Transport } from '../../../core/bridge/bridge-api';
import type { BridgeResult } from '../../../core/bridge/channels';

/**
 * The browser host's transport: `POST /api/<channel>` with the access token
 * the host printed (it arrives in this page's address as `?token=`).
 */
export function createHttpTransport(token: string | null): Transport {
  return async (channel, request) => {
    try {
      const response = await fetch(`api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(request),
      });
      return (await response.json()) as BridgeResult<never>;
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `The app's host did not answer (${(error as Error).message}). Is it still running?` } };
    }
  };
}
