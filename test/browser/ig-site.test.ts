import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIgSite } from '../../scripts/build-ig-site.js';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { siteFile } from '../../src/http/ig-site.js';
import { describeImage, launchChromium, watchedPage } from '../support/browser.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '__screenshots__');
const VIEWPORT = { width: 1280, height: 800 };

let runtime: TestRuntime;
let browser: Browser;
let siteDir: string;
let pages: string[];
let base: string;
const previousSiteDir = process.env.IG_SITE_DIR;

beforeAll(async () => {
  const config = loadConfig();
  if (!existsSync(config.igResourcesDir)) throw new Error(`${config.igResourcesDir} is missing: run \`npm run build:ig\` first`);
  // A site of its own, built from the current IG, so the test never reads a stale build.
  siteDir = join(mkdtempSync(join(tmpdir(), 'jp-cvd-ig-site-')), 'site');
  process.env.IG_SITE_DIR = siteDir;
  runtime = await startTestRuntime();
  pages = buildIgSite({
    resourcesDir: config.igResourcesDir,
    pagesDir: join(PROJECT_ROOT, 'input', 'pagecontent'),
    sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml'),
    outDir: siteDir,
    conformance: runtime.context.conformance,
  });
  const address = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  base = `${address}/ig/`;
  browser = await launchChromium("the IG site's browser tests");
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.close();
  if (previousSiteDir === undefined) delete process.env.IG_SITE_DIR;
  else process.env.IG_SITE_DIR = previousSiteDir;
  if (siteDir) rmSync(dirname(siteDir), { recursive: true, force: true });
});

// Browser-side code is passed as source text: the project compiles without the DOM library.
/** Absolute targets of a page's links, and ids its same-page (#fragment) links name that the page lacks. */
const LINKS_OF_PAGE = `(() => {
  const anchors = [...document.querySelectorAll('a[href]')];
  const fragments = anchors.map((anchor) => anchor.getAttribute('href')).filter((href) => href.startsWith('#')).map((href) => href.slice(1));
  return {
    hrefs: anchors.map((anchor) => anchor.href),
    missingFragments: fragments.filter((id) => !document.getElementById(decodeURIComponent(id))),
  };
})()`;

describe('IG site in headless Chromium', () => {
  it('serves every profile and extension page with a title and a non-empty snapshot table', async () => {
    const structurePages = pages.filter((page) => page.startsWith('StructureDefinition-'));
    expect(structurePages.length).toBeGreaterThan(40);
    const { page, problems } = await watchedPage(browser, VIEWPORT);
    for (const fileName of structurePages) {
      const response = await page.goto(base + fileName);
      expect(response?.status(), fileName).toBe(200);
      const title = await page.title();
      expect(title, fileName).toContain(await page.locator('h1').innerText());
      expect(await page.locator('#differential-table tbody tr').count(), fileName).toBeGreaterThan(0);
      expect(await page.locator('#snapshot-table tbody tr').count(), fileName).toBeGreaterThan(0);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 300_000);

  it('has no broken internal link and no console error on any page reachable from the home page', async () => {
    const { page, problems } = await watchedPage(browser, VIEWPORT);
    const visited = new Set<string>();
    const queue = [new URL('index.html', base).href];
    const broken: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (visited.has(url)) continue;
      visited.add(url);
      if (!url.endsWith('.html')) {
        // Linked JSON copies are downloads, not pages: checking that they exist is enough.
        const download = await fetch(url);
        await download.arrayBuffer();
        if (download.status !== 200) broken.push(`${url}: HTTP ${download.status}`);
        continue;
      }
      const response = await page.goto(url);
      if (response?.status() !== 200) {
        broken.push(`${url}: HTTP ${response?.status()}`);
        continue;
      }
      if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
      const { hrefs, missingFragments } = (await page.evaluate(LINKS_OF_PAGE)) as { hrefs: string[]; missingFragments: string[] };
      for (const id of missingFragments) broken.push(`${url}: no element with id "${id}"`);
      for (const href of hrefs) {
        const target = new URL(href);
        target.hash = '';
        if (target.href.startsWith(base) && !visited.has(target.href)) queue.push(target.href);
      }
    }
    await page.close();
    expect(broken).toEqual([]);
    expect(problems).toEqual([]);
    // Every generated page is reachable by a reader starting at the home page.
    const unreachable = pages.filter((fileName) => !visited.has(new URL(fileName, base).href));
    expect(unreachable).toEqual([]);
  }, 600_000);

  it('renders the home page and a profile page visibly (screenshots)', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const { page, problems } = await watchedPage(browser, VIEWPORT);
    const analysis = await browser.newPage();
    for (const [name, fileName] of [
      ['home', 'index.html'],
      ['profile-cerebral-infarction', 'StructureDefinition-jp-cvd-condition-cerebral-infarction.html'],
    ] as const) {
      await page.goto(base + fileName);
      const png = await page.screenshot({ type: 'png' });
      writeFileSync(join(SCREENSHOT_DIR, `${name}.png`), png);
      expect(png.subarray(1, 4).toString('latin1'), name).toBe('PNG');
      expect(png.length, name).toBeGreaterThan(20_000);
      // Decoded in a blank page (no site CSP there): the image has the viewport's size and is not a single color.
      const decoded = (await analysis.evaluate(describeImage(`data:image/png;base64,${png.toString('base64')}`))) as { width: number; height: number; colors: number };
      expect(decoded.width, name).toBe(VIEWPORT.width);
      expect(decoded.height, name).toBe(VIEWPORT.height);
      expect(decoded.colors, name).toBeGreaterThan(20);
    }
    await analysis.close();
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('IG site static serving', () => {
  it('redirects /ig to /ig/ and serves the home page with the site CSP', async () => {
    const redirect = await runtime.app.inject({ method: 'GET', url: '/ig' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('ig/');
    const home = await runtime.app.inject({ method: 'GET', url: '/ig/' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['content-security-policy']).toContain("default-src 'self'");
    expect(home.body).toContain('<link rel="stylesheet" href="ig.css">');
  });

  it('keeps the API strict CSP outside /ig/', async () => {
    const metadata = await runtime.app.inject({ method: 'GET', url: '/fhir/metadata' });
    expect(metadata.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('answers 404 with an HTML page for a missing page', async () => {
    const response = await runtime.app.inject({ method: 'GET', url: '/ig/no-such-page.html' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('href="index.html"');
  });

  it('answers 404 for dotfiles and every path-traversal attempt', async () => {
    // Some of these never reach the site's route (the router refuses them first); none may serve a file.
    for (const url of ['/ig/.site-stamp', '/ig/..%2fpackage.json', '/ig/%2e%2e/%2e%2e/package.json', '/ig/..%5c..%5cpackage.json', '/ig/a/../../package.json', '/ig/%00index.html']) {
      const response = await runtime.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('"name": "jp-cvd-registry"');
    }
  });

  it('resolves only paths inside the site folder', () => {
    expect(siteFile('/srv/site', '')).toBe('/srv/site/index.html');
    expect(siteFile('/srv/site', 'index.html')).toBe('/srv/site/index.html');
    expect(siteFile('/srv/site', '../etc/passwd')).toBeUndefined();
    expect(siteFile('/srv/site', 'a/../../etc/passwd')).toBeUndefined();
    expect(siteFile('/srv/site', '/etc/passwd')).toBe('/srv/site/etc/passwd');
    expect(siteFile('/srv/site', '.site-stamp')).toBeUndefined();
  });
});
