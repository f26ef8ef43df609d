import type { MenuItemConstructorOptions } from 'electron';

/**
 * A minimal menu: editing commands (so copy and paste work everywhere) and, on macOS, the app
 * menu. No View menu: no reload, no developer tools, no zoom that could hide the lock button.
 */
export function applicationMenuTemplate(platform: string): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'editMenu' },
    { role: 'windowMenu' },
  ];
}
