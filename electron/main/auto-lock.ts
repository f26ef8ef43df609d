/**
 * Locks the vault when the user is away: after N minutes without input anywhere on the
 * system, when the machine suspends, and when the screen locks; and on Ctrl/Cmd+Shift+L in
 * the window, even while a text field has focus.
 */
import type { PowerMonitor, WebContents } from 'electron';
import type { LockReason } from '../../shared/contract.ts';

export interface AutoLockOptions {
  powerMonitor: Pick<PowerMonitor, 'on' | 'getSystemIdleTime'>;
  lock: (reason: LockReason) => void;
  /** The open vault's setting; null while locked (then nothing is watched). */
  idleMinutes: () => number | null;
  /** How often idle time is checked. */
  pollMs?: number;
}

export function startAutoLock(options: AutoLockOptions): () => void {
  const { powerMonitor, lock } = options;
  powerMonitor.on('suspend', () => {
    lock('suspend');
  });
  powerMonitor.on('lock-screen', () => {
    lock('screen-lock');
  });
  const timer = setInterval(() => {
    const minutes = options.idleMinutes();
    if (minutes !== null && powerMonitor.getSystemIdleTime() >= minutes * 60) lock('idle');
  }, options.pollMs ?? 15_000);
  return () => {
    clearInterval(timer);
  };
}

/** True for Ctrl+Shift+L (Windows, Linux) and Cmd+Shift+L (macOS). */
export function isLockShortcut(input: {
  type: string;
  key: string;
  shift: boolean;
  control: boolean;
  meta: boolean;
}): boolean {
  return (
    input.type === 'keyDown' &&
    input.shift &&
    (input.control || input.meta) &&
    input.key.toLowerCase() === 'l'
  );
}

export function listenForLockShortcut(
  contents: Pick<WebContents, 'on'>,
  lock: (reason: LockReason) => void,
): void {
  contents.on('before-input-event', (event, input) => {
    if (isLockShortcut(input)) {
      event.preventDefault();
      lock('shortcut');
    }
  });
}
