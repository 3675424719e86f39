/**
 * The API client every component uses. In Electron the preload script
 * provides the transport as window.lectern; in the browser shell it is HTTP.
 */
import type { Transport } from '@shared/client';
import type { DesktopBridge } from '@shared/desktop-commands';
import { createClient } from '@shared/client';
import { httpTransport } from './http-transport';

declare global {
  interface Window {
    lectern?: Transport;
    /** Electron only: the menus' commands (desktop/commands.ts). */
    lecternDesktop?: DesktopBridge;
  }
}

export const api = createClient(window.lectern ?? httpTransport());
