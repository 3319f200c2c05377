import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_CSP } from '../../src/http/dashboard.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { describeImage, launchChromium, watchedPage } from '../support/browser.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '__screenshots__');
const VIEWPORT = { width: 1400, height: 1100 };
/** Three months of admissions, so that most disease × month cells reach the suppression threshold. */
const GENERATED = { ...DEFAULT_OPTIONS, admissions: 240, hospitals: 5, seed: 'dashboard', startDate: '2025-01-01', periodDays: 90 };
const PERIOD = 'period-start=2025-01-01&period-end=2025-12-31';

let runtime: TestRuntime;
let browser: Browser;
let origin: string;
let accepted = 0;

beforeAll(async () => {
  browser = await launchChromium("the dashboard's browser tests");
  runtime = await startTestRuntime({ publicBaseUrl: '' });
  for (const { bundle } of generateAdmissions(GENERATED)) {
    const response = await runtime.app.inject({ method: 'POST', url: '/fhir/Bundle', headers: { 'content-type': 'application/fhir+json' }, payload: JSON.stringify(bundle) });
    if (response.statusCode < 300) accepted++;
  }
  origin = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.close();
});

/** Per canvas id: how many of its pixels are painted (not transparent). */
const PAINTED_PIXELS = `(() => Object.fromEntries([...document.querySelectorAll('canvas')].map((canvas) => {
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
  return [canvas.id, painted];
})))()`;

/** What the charts were given: per canvas id, its datasets' labels and values. */
const CHART_DATA = `(() => Object.fromEntries([...document.querySelectorAll('canvas')].map((canvas) => {
  const chart = window.Chart.getChart(canvas);
  return [canvas.id, { labels: chart.data.labels, datasets: chart.data.datasets.map((dataset) => ({ label: dataset.label, data: dataset.data })) }];
})))()`;

describe('registry dashboard in headless Chromium', () => {
  it('loads generated data through document ingest', async () => {
    // Every generated document is a valid discharge summary, and each accepted one is a case.
    expect(accepted).toBe(GENERATED.admissions);
    const { rows } = await runtime.db.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_case');
    expect(rows[0].n).toBe(accepted);
  });

  it('renders every chart and the checklist without console errors, and a screenshot', async () => {
    const { page, problems } = await watchedPage(browser, VIEWPORT);
    await page.goto(`${origin}/dashboard/?${PERIOD}`);
    await page.waitForSelector('body:not([data-state="loading"])', { timeout: 300_000 });
    expect(await page.locator('body').getAttribute('data-state'), await page.locator('#status').innerText()).toBe('ready');

    const { rows: hospitals } = await runtime.db.query<{ n: number }>('SELECT count(DISTINCT hospital_code)::int AS n FROM registry_case');
    expect(await page.locator('#hospital option').count()).toBe(hospitals[0].n);
    expect(await page.locator('#checklist tbody tr').count()).toBeGreaterThan(10);

    const painted = (await page.evaluate(PAINTED_PIXELS)) as Record<string, number>;
    for (const id of ['cases-chart', 'indicator-chart', 'completeness-chart', 'checklist-chart']) expect(painted[id], id).toBeGreaterThan(2_000);

    const charts = (await page.evaluate(CHART_DATA)) as Record<string, { labels: string[]; datasets: { label: string; data: (number | null)[] }[] }>;
    // Every month of the period, those without cases included.
    expect(charts['cases-chart'].labels).toEqual(Array.from({ length: 12 }, (_unused, index) => `2025-${String(index + 1).padStart(2, '0')}`));
    const shownCases = charts['cases-chart'].datasets.flatMap((dataset) => dataset.data).reduce<number>((sum, value) => sum + (value ?? 0), 0);
    expect(shownCases).toBeGreaterThan(0);
    expect(shownCases).toBeLessThanOrEqual(accepted);
    // One bar per hospital beside the national line.
    expect(charts['indicator-chart'].labels).toHaveLength(hospitals[0].n);
    expect(charts['indicator-chart'].datasets[1].label).toMatch(/^全国 \/ national/);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const png = await page.screenshot({ type: 'png', fullPage: true });
    writeFileSync(join(SCREENSHOT_DIR, 'dashboard.png'), png);
    const analysis = await browser.newPage();
    const decoded = (await analysis.evaluate(describeImage(`data:image/png;base64,${png.toString('base64')}`))) as { width: number; height: number; colors: number };
    await analysis.close();
    expect(decoded.width).toBe(VIEWPORT.width);
    expect(decoded.height).toBeGreaterThanOrEqual(VIEWPORT.height);
    expect(decoded.colors).toBeGreaterThan(50);
    await page.close();
    expect(problems).toEqual([]);
  }, 600_000);

  it('shows an API failure in the page instead of failing silently', async () => {
    const { page } = await watchedPage(browser, VIEWPORT);
    await page.goto(`${origin}/dashboard/?period-start=2025-03-01&period-end=2025-01-01`);
    await page.waitForSelector('body[data-state="error"]', { timeout: 60_000 });
    expect(await page.locator('#status').innerText()).toContain('period-end is before period-start');
    await page.close();
  }, 120_000);
});

describe('dashboard static serving', () => {
  it('redirects /dashboard to /dashboard/ and serves the page, its script and Chart.js under the dashboard CSP', async () => {
    const redirect = await runtime.app.inject({ method: 'GET', url: '/dashboard' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('dashboard/');
    for (const [path, type] of [
      ['/dashboard/', 'text/html; charset=utf-8'],
      ['/dashboard/dashboard.js', 'text/javascript; charset=utf-8'],
      ['/dashboard/dashboard.css', 'text/css; charset=utf-8'],
      ['/dashboard/vendor/chart.umd.min.js', 'text/javascript; charset=utf-8'],
    ]) {
      const response = await runtime.app.inject({ method: 'GET', url: path });
      expect(response.statusCode, path).toBe(200);
      expect(response.headers['content-type'], path).toBe(type);
      expect(response.headers['content-security-policy'], path).toBe(DASHBOARD_CSP);
    }
  });

  it('answers 404 for missing files and paths that leave the folder', async () => {
    for (const path of ['/dashboard/missing.html', '/dashboard/.hidden', '/dashboard/a/..%5c..%5cpackage.json', '/dashboard/vendor/chart.js']) {
      const response = await runtime.app.inject({ method: 'GET', url: path });
      expect(response.statusCode, path).toBe(404);
      expect(response.headers['content-security-policy'], path).toBe(DASHBOARD_CSP);
    }
    // A ../ (plain or percent-encoded) is resolved before routing: it names /package.json, which no route serves.
    for (const path of ['/dashboard/../package.json', '/dashboard/%2e%2e/package.json']) {
      expect((await runtime.app.inject({ method: 'GET', url: path })).statusCode, path).toBe(404);
    }
  });
});
