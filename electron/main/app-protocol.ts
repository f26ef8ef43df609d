/**
 * The renderer is served from `app://confidant/…`, never from file:// (which would give the
 * page the file system's origin) nor from a local server (which would open a port). Every
 * response carries the Content-Security-Policy; any path that would leave the renderer folder
 * is refused. resolveAppFile and appResponseHeaders are pure, so the browser test bench serves
 * the same files with the same headers.
 */
import { extname, join, normalize, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'confidant';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Nothing but the app's own files; no inline script or style, no network at all. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The file under `root` that `url` names, or null if it is not ours to serve: another scheme
 * or host, an encoded or literal `..`, a NUL byte, an absolute or drive path, a type we do
 * not serve.
 */
export function resolveAppFile(root: string, url: string): string | null {
  // The app never asks for a dot-dot path; refuse one outright, even where URL parsing
  // would fold it into a harmless path.
  if (/(^|[/\\])(\.|%2e){2}([/\\?#]|%2f|%5c|$)/i.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\') || /(^|\/)\.\.(\/|$)/.test(pathname))
    return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (/^[A-Za-z]:/.test(relative)) return null;
  const base = normalize(root);
  const file = normalize(join(base, relative));
  if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return null;
  if (!(extname(file) in CONTENT_TYPES)) return null;
  return file;
}

export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
