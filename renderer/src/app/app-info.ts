/**
 * What the app told the page about itself at start (version, platform, whether native file
 * dialogs exist). It does not change while the page lives, so it is a constant set once before
 * the first render, not a cached query: a query the cache drops after a minute unobserved came
 * back `undefined` on the next screen that read it and blanked the whole window.
 */
import type { Output } from '../../../shared/contract.ts';

export type AppInfo = Output<'app:info'>;

let info: AppInfo | undefined;

export function setAppInfo(value: AppInfo): void {
  info = value;
}

/** The app's facts; set in main.tsx before anything renders. */
export function useAppInfo(): AppInfo {
  if (!info) throw new Error('App info read before main.tsx set it.');
  return info;
}
