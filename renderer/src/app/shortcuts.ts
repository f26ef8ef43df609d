import { useEffect } from 'react';

/** Ctrl+Shift+L (Cmd+Shift+L on macOS) anywhere in the page. In the app, main catches it first. */
export function useLockShortcut(onLock: () => void): void {
  useEffect(() => {
    const handler = (event: KeyboardEvent) => {
      if (event.shiftKey && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        onLock();
      }
    };
    window.addEventListener('keydown', handler, { capture: true });
    return () => {
      window.removeEventListener('keydown', handler, { capture: true });
    };
  }, [onLock]);
}

export function isMac(): boolean {
  return navigator.userAgent.includes('Mac OS');
}
