/** The two IPC channels between preload and main; everything else is the API's method names. */
export const IPC_CALL = 'lectern:call';
export const IPC_EVENT = 'lectern:event';
