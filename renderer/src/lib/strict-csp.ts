/**
 * Two libraries try things the app's Content-Security-Policy forbids; both have a switch.
 * Imported first by main.tsx, before either library runs.
 *
 * - zod compiles fast parsers with `new Function`, after probing whether eval is allowed; the
 *   probe alone is reported as a CSP violation. jitless skips the probe and the compiler.
 * - react-aria's usePress injects a <style> for `touch-action` unless an element with this id
 *   exists; index.html has one, and components.css carries the rule.
 */
import { z } from 'zod';

z.config({ jitless: true });
