import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { igSiteDir } from '../config.js';

/**
 * The IG's reading site (scripts/build-ig-site.ts) as static files at /ig/. The pages are documents, unlike the
 * API's answers, so these routes replace the API's `default-src 'none'` policy with one that lets a page load its
 * own stylesheet and images, and nothing else (the site has no scripts).
 */
export const IG_SITE_CSP = "default-src 'self'; style-src 'self'; img-src 'self' data:; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file under `root` that a URL path names, or undefined when the path could leave the site: `..` and `.`
 * segments, backslashes, NUL bytes and dotfiles (the build stamp) are refused before the path is resolved, and
 * the resolved path must still lie inside `root`.
 */
export function siteFile(root: string, urlPath: string): string | undefined {
  const segments = urlPath.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.') || segment.includes('\\') || segment.includes('\0'))) return undefined;
  if (urlPath === '' || urlPath.endsWith('/')) segments.push('index.html');
  const file = resolve(root, ...segments);
  const inside = relative(resolve(root), file);
  return inside && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside) ? file : undefined;
}

function notFoundPage(requestPath: string): string {
  // Relative to the requested folder, so the link works under any prefix the site is served at.
  const depth = Math.max(0, requestPath.split('/').length - 1);
  const home = `${'../'.repeat(depth)}index.html`;
  return `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>404 ページがありません / Page not found</title></head>
<body><h1>404 ページがありません / Page not found</h1>
<p><a href="${home}">実装ガイドのホーム / Implementation guide home</a></p></body></html>
`;
}

function sendNotFound(reply: FastifyReply, requestPath: string) {
  return reply.code(404).header('content-security-policy', IG_SITE_CSP).type('text/html; charset=utf-8').send(notFoundPage(requestPath));
}

/**
 * Streams `file` as a page of a static site under `csp`; undefined (nothing sent) when it is not a regular file.
 * The dashboard (src/http/dashboard.ts) serves its files the same way.
 */
export async function sendSiteFile(reply: FastifyReply, file: string, csp: string): Promise<FastifyReply | undefined> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    size = info.size;
  } catch {
    return undefined;
  }
  return reply
    .header('content-security-policy', csp)
    .header('cache-control', 'no-cache')
    .header('content-length', size)
    .type(CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
    .send(createReadStream(file));
}

/**
 * GET /ig/** serves files of `siteDir` (IG_SITE_DIR by default; index.html for folders); `/ig` redirects to `/ig/`
 * so relative links resolve.
 */
export function registerIgSite(app: FastifyInstance, siteDir: string = igSiteDir()): void {
  app.get('/ig', async (_request, reply) => reply.redirect('ig/', 301));
  app.get('/ig/*', async (request, reply) => {
    const requestPath = (request.params as { '*': string })['*'] ?? '';
    const file = siteFile(siteDir, requestPath);
    return (file && (await sendSiteFile(reply, file, IG_SITE_CSP))) ?? sendNotFound(reply, requestPath);
  });
}
