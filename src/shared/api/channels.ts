/** The two Electron IPC channels: one carries every contract call, one carries pushed events. */
export const CALL_CHANNEL = 'claimdesk:call';
export const EVENT_CHANNEL = 'claimdesk:event';
