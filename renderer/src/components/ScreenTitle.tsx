import type { ReactNode } from 'react';

/**
 * The one h1 of a screen. The Shell moves focus to it whenever the screen changes, so a
 * screen reader announces where the user now is and Tab starts from the top of the screen.
 */
export function ScreenTitle({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h1 tabIndex={-1} className="main__title" id={id}>
      {children}
    </h1>
  );
}
