/** The Electron IPC channels: one carries every contract call, one a file's bytes before the call that
 * names it (uploads), one the pushed events. */
export const CALL_CHANNEL = 'claimdesk:call';
export const UPLOAD_CHANNEL = 'claimdesk:upload';
export const EVENT_CHANNEL = 'claimdesk:event';
