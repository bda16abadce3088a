/**
 * Serves the sandbox page from src/sandbox/web/: `/` is the chat, `/sandbox/web/<file>` its script
 * and styles. Only the files listed here exist, so no request path ever reaches the file system.
 * Files are read on each request: the page is small, and an edit shows on reload without a restart.
 */
import { readFile } from 'node:fs/promises';
import { methodNotAllowed, type Route } from '../http/server.ts';

const WEB_DIR = new URL('./web/', import.meta.url);

const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/sandbox': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/sandbox/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/sandbox/web/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/sandbox/web/bubble.js': { file: 'bubble.js', type: 'text/javascript; charset=utf-8' },
  '/sandbox/web/chats.js': { file: 'chats.js', type: 'text/javascript; charset=utf-8' },
  '/sandbox/web/render.js': { file: 'render.js', type: 'text/javascript; charset=utf-8' },
  '/sandbox/web/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/**
 * Everything the page loads comes from this server, and bot messages are rebuilt from an allow-list,
 * so the policy can forbid every other origin and inline script: a markup slip cannot run code.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function createStaticRoute(): Route {
  return async (req, res, url) => {
    const entry = Object.hasOwn(FILES, url.pathname) ? FILES[url.pathname] : undefined;
    if (!entry) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, ['GET']);
    const body = await readFile(new URL(entry.file, WEB_DIR));
    res.writeHead(200, {
      'content-type': entry.type,
      'content-length': body.length,
      // Revalidated each load: cheap on loopback, and a changed page is never served stale.
      'cache-control': 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
