import type { Transport } from '../../../core/bridge/bridge-api';
import type { BridgeResult } from '../../../core/bridge/requests';

/**
 * The browser host's transport: `POST /api/<request name>` with the access
 * token the host printed (access-token.ts takes it from the page's address).
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
