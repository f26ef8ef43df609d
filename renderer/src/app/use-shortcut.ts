import { useEffect } from 'react';

/** Ctrl+Shift+KEY (Cmd+Shift+KEY on macOS) anywhere in the page, even while typing. */
export function useModShiftShortcut(key: string, action: () => void): void {
  useEffect(() => {
    const handler = (event: KeyboardEvent) => {
      if (event.shiftKey && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === key) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', handler, { capture: true });
    return () => {
      window.removeEventListener('keydown', handler, { capture: true });
    };
  }, [key, action]);
}
