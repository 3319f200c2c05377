import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PROJECT_ROOT } from '../config.js';
import { sendSiteFile, siteFile } from './ig-site.js';

/** The registry dashboard's files (HTML, script, stylesheet), served at /dashboard/ (docs/DASHBOARD.md). */
export const DASHBOARD_DIR = join(PROJECT_ROOT, 'dashboard');

/** Chart.js's browser build, served from the installed package at /dashboard/vendor/chart.umd.min.js. */
const CHART_JS = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');

/**
 * The dashboard is a page that runs its own script and calls this server's FHIR API, so it gets a policy of its own
 * instead of the API's `default-src 'none'`: scripts, styles and fetches from this origin only, no inline script.
 */
export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function notFound(reply: FastifyReply) {
  return reply
    .code(404)
    .header('content-security-policy', DASHBOARD_CSP)
    .type('text/html; charset=utf-8')
    .send('<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>404</title></head><body><p>404 ページがありません / Page not found</p></body></html>\n');
}

/**
 * GET /dashboard/** serves the dashboard's static files; `/dashboard` redirects to `/dashboard/`. The files hold no
 * data, so they need no token: the page asks the API for data with the token the user gives it.
 */
export function registerDashboard(app: FastifyInstance, dashboardDir: string = DASHBOARD_DIR): void {
  app.get('/dashboard', async (_request, reply) => reply.redirect('dashboard/', 301));
  app.get('/dashboard/vendor/chart.umd.min.js', async (_request, reply) => (await sendSiteFile(reply, CHART_JS, DASHBOARD_CSP)) ?? notFound(reply));
  app.get('/dashboard/*', async (request, reply) => {
    const file = siteFile(dashboardDir, (request.params as { '*': string })['*'] ?? '');
    return (file && (await sendSiteFile(reply, file, DASHBOARD_CSP))) ?? notFound(reply);
  });
}
