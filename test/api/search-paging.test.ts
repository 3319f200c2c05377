import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

let runtime: TestRuntime;
let http: ReturnType<typeof request>;

const ORIGINAL = 23;
const patient = (index: number, family: string) => ({
  resourceType: 'Patient',
  id: `pg${String(index).padStart(3, '0')}`,
  name: [{ family }],
  // Ties on purpose: sorting by birthdate leaves the rid to order equal dates.
  birthDate: `19${50 + (index % 7)}-01-01`,
});

beforeAll(async () => {
  runtime = await startTestRuntime();
  await runtime.app.ready();
  http = request(runtime.app.server);
  for (let index = 0; index < ORIGINAL; index++) await http.put(`/fhir/Patient/${patient(index, '頁').id}`).send(patient(index, '頁')).expect(201);
});
afterAll(async () => runtime?.close());

const relative = (url: string) => url.replace('http://fhir.test', '');
const linkOf = (bundle: fhir4.Bundle, relation: string) => bundle.link?.find((link) => link.relation === relation)?.url;

/** Follows next links from `first`, calling `between` after each page; returns ids in page order. */
async function walk(first: string, between: (page: number) => Promise<void> = async () => {}): Promise<{ ids: string[]; pages: fhir4.Bundle[] }> {
  const ids: string[] = [];
  const pages: fhir4.Bundle[] = [];
  let url: string | undefined = first;
  while (url) {
    const bundle = (await http.get(url).expect(200)).body as fhir4.Bundle;
    pages.push(bundle);
    ids.push(...(bundle.entry ?? []).map((entry) => entry.resource!.id!));
    await between(pages.length);
    const next = linkOf(bundle, 'next');
    url = next && relative(next);
  }
  return { ids, pages };
}

describe('paging', () => {
  it('pages through every match once, with self/next/previous links', async () => {
    const { ids, pages } = await walk('/fhir/Patient?name=頁&_count=5');
    expect(ids).toHaveLength(ORIGINAL);
    expect(new Set(ids).size).toBe(ORIGINAL);
    expect(pages).toHaveLength(5);
    expect(linkOf(pages[0], 'previous')).toBeUndefined();
    expect(linkOf(pages[4], 'next')).toBeUndefined();
    // previous of page 3 is page 2
    const back = (await http.get(relative(linkOf(pages[2], 'previous')!)).expect(200)).body as fhir4.Bundle;
    expect(back.entry!.map((entry) => entry.resource!.id)).toEqual(pages[1].entry!.map((entry) => entry.resource!.id));
    expect(pages.every((page) => page.total === ORIGINAL)).toBe(true);
  });

  it('pages a multi-key sort with ties in order, forwards and backwards', async () => {
    const all = (await http.get('/fhir/Patient?name=頁&_sort=-birthdate,_id&_count=100').expect(200)).body as fhir4.Bundle;
    const expected = all.entry!.map((entry) => entry.resource!.id!);
    const { ids, pages } = await walk('/fhir/Patient?name=頁&_sort=-birthdate,_id&_count=4');
    expect(ids).toEqual(expected);
    const backwards: string[] = [];
    let url: string | undefined = linkOf(pages[pages.length - 1], 'previous');
    while (url) {
      const bundle = (await http.get(relative(url)).expect(200)).body as fhir4.Bundle;
      backwards.unshift(...bundle.entry!.map((entry) => entry.resource!.id!));
      url = linkOf(bundle, 'previous');
    }
    expect([...backwards, ...pages[pages.length - 1].entry!.map((entry) => entry.resource!.id!)]).toEqual(expected);
  });

  it('stays correct while resources are inserted and deleted between pages', async () => {
    let added = 0;
    const { ids } = await walk('/fhir/Patient?name=頁&_sort=birthdate&_count=5', async (page) => {
      // Concurrent writers: new matches sorting before and after the cursor, and a deletion of a seen row.
      await Promise.all([
        http.put(`/fhir/Patient/new${page}a`).send({ resourceType: 'Patient', id: `new${page}a`, name: [{ family: '頁' }], birthDate: '1940-01-01' }),
        http.put(`/fhir/Patient/new${page}b`).send({ resourceType: 'Patient', id: `new${page}b`, name: [{ family: '頁' }], birthDate: '1999-01-01' }),
      ]);
      added += 2;
      if (page === 1) await http.delete('/fhir/Patient/pg000').expect(200);
    });
    expect(added).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const originals = ids.filter((id) => id.startsWith('pg'));
    // Every original is seen exactly once (pg000, deleted later, sorts onto page 1); rows inserted before the
    // cursor's position (1940) never shift later pages.
    expect(originals.sort()).toEqual(Array.from({ length: ORIGINAL }, (_, index) => patient(index, '').id));
    expect(ids.some((id) => id.endsWith('a'))).toBe(false);
  });

  it('refuses a damaged cursor with 400', async () => {
    const response = await http.get('/fhir/Patient?_cursor=not-a-cursor').expect(400);
    expect(response.body.issue[0].expression).toEqual(['_cursor']);
  });

  it('_count=0 answers the total only', async () => {
    const bundle = (await http.get('/fhir/Patient?name=頁&_count=0').expect(200)).body as fhir4.Bundle;
    expect(bundle.entry).toBeUndefined();
    expect(bundle.total).toBeGreaterThan(0);
  });
});
