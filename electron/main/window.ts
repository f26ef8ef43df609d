import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY } from './app-protocol.ts';
import { secureWebPreferences } from './lockdown.ts';

export function mainWindowOptions(
  preload: string,
  options: { devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 820,
    minHeight: 560,
    show: false,
    title: 'Confidant',
    backgroundColor: '#f4f6f8',
    webPreferences: secureWebPreferences(preload, options),
  };
}

/** Opens the one window: hidden from screenshots and screen sharing, showing the app. */
export async function openMainWindow(window: BrowserWindowType): Promise<void> {
  window.setContentProtection(true);
  window.once('ready-to-show', () => {
    window.show();
  });
  await window.loadURL(APP_ENTRY);
}
