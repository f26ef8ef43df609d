/**
 * Injected into the page before the app's own code (bundled by the harness). It builds
 * window.confidant exactly as the preload does — buildBridge over the contract's channel list —
 * but over a Playwright binding to the real core API instead of ipcRenderer. Main's part is
 * played by the harness: it can emit main's events, and window.print is recorded, not shown.
 */
import { buildBridge } from '../../../shared/bridge.ts';
import type { ApiResult, Bridge, Channel } from '../../../shared/contract.ts';

declare global {
  interface Window {
    confidant: Bridge;
    __confidantInvoke(channel: Channel, input: unknown): Promise<ApiResult<unknown>>;
    __confidantEmit(event: string, payload: unknown): void;
    __cspViolations: string[];
    __printCalls: number;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

window.confidant = buildBridge(
  (channel, input) => window.__confidantInvoke(channel, input),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
);

window.__confidantEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
  );
});

window.__printCalls = 0;
window.print = () => {
  window.__printCalls++;
};
