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

/*
 * A one-key _sort is answered by walking the sort parameter's index in order: each resource must appear once, at its
 * own sort key (lowest value ascending, highest descending, so a multi-valued element is not met twice), ties go by
 * rid and resources without a value come last. Expected orders are worked out by hand from the data below.
 */
describe('one-key sort walked through its index', () => {
  // In creation (rid) order. birthDate 1960 is a partial date: [1960-01-01, 1961-01-01).
  const sorted: [string, string | undefined, string[]][] = [
    ['s1', '1960-01-01', ['Bb', 'Yy']],
    ['s2', '1950-05-05', ['Cc']],
    ['s3', undefined, ['Aa', 'Zz']],
    ['s4', '1960-01-01', ['Bb']],
    ['s5', '1970-03-03', []],
    ['s6', undefined, ['Mm']],
    ['s7', '1960', ['Dd']],
    ['s8', '1950-05-05', ['Yy', 'Bb']],
    ['s9', '1980-01-01', ['Ee', 'Ee']],
  ];
  const expected: Record<string, string[]> = {
    birthdate: ['s2', 's8', 's1', 's4', 's7', 's5', 's9', 's3', 's6'],
    '-birthdate': ['s9', 's5', 's7', 's1', 's4', 's2', 's8', 's3', 's6'],
    given: ['s3', 's1', 's4', 's8', 's2', 's7', 's9', 's6', 's5'],
    '-given': ['s3', 's1', 's8', 's6', 's9', 's7', 's2', 's4', 's5'],
  };

  beforeAll(async () => {
    for (const [id, birthDate, given] of sorted) {
      const resource = { resourceType: 'Patient', id: `walk-${id}`, name: [{ family: '整列', ...(given.length ? { given } : {}) }], ...(birthDate ? { birthDate } : {}) };
      await http.put(`/fhir/Patient/${resource.id}`).send(resource).expect(201);
    }
  });

  const ids = (bundle: fhir4.Bundle) => (bundle.entry ?? []).map((entry) => entry.resource!.id!.replace('walk-', ''));

  for (const [sort, order] of Object.entries(expected)) {
    it(`_sort=${sort}: every page in order, forwards and backwards, with the total`, async () => {
      for (const count of [2, 4, 100]) {
        const { ids: forwards, pages } = await walk(`/fhir/Patient?name=整列&_sort=${sort}&_count=${count}`);
        expect(forwards.map((id) => id.replace('walk-', '')), `_count=${count}`).toEqual(order);
        expect(pages.every((page) => page.total === order.length)).toBe(true);
        const backwards: string[] = [];
        let url = linkOf(pages[pages.length - 1], 'previous');
        while (url) {
          const bundle = (await http.get(relative(url)).expect(200)).body as fhir4.Bundle;
          backwards.unshift(...ids(bundle));
          url = linkOf(bundle, 'previous');
        }
        expect([...backwards, ...ids(pages[pages.length - 1])], `_count=${count} backwards`).toEqual(order);
      }
    });
  }
});
