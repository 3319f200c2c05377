import { request as httpRequest } from 'node:http';
import { createConnection, type AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/runtime.js';

// Hostile and broken input: every case gets a 4xx OperationOutcome, nothing is stored, the server keeps serving.

const api = useTestApi({ bodyLimit: 20 * 1024 * 1024 });


function deeplyNested(depth: number): string {
  return `{"resourceType":"Basic","code":{"text":"x"},"extension":[${'{"url":"http://x","extension":['.repeat(depth)}${']}'.repeat(depth)}]}`;
}

const hostile: [string, () => request.Test][] = [
  ['truncated JSON', () => api.http.post('/fhir/Patient').set('content-type', 'application/fhir+json').send('{"resourceType":"Patient","name":[{"fam')],
  ['invalid UTF-8', () => api.http.post('/fhir/Patient').set('content-type', 'application/fhir+json').send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))],
  ['10,000-deep nesting', () => api.http.post('/fhir/Basic').set('content-type', 'application/fhir+json').send(deeplyNested(10_000))],
  ['huge array of junk', () => api.http.post('/fhir/Patient').send({ resourceType: 'Patient', name: Array.from({ length: 100_000 }, () => ({ bogus: 1 })) })],
  ['script in narrative', () => api.http.post('/fhir/Patient').send({ resourceType: 'Patient', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div>' } })],
  ['event handler in narrative', () => api.http.post('/fhir/Patient').send({ resourceType: 'Patient', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div>' } })],
  ['path traversal id', () => api.http.put('/fhir/Patient/..%2F..%2Fetc%2Fpasswd').send({ resourceType: 'Patient', id: '../../etc/passwd' })],
  ['SQL in id', () => api.http.get("/fhir/Patient/1';DROP TABLE resource;--")],
  ['null body', () => api.http.post('/fhir/Patient').set('content-type', 'application/fhir+json').send('null')],
  ['number body', () => api.http.post('/fhir/Patient').set('content-type', 'application/fhir+json').send('42')],
  ['prototype pollution keys', () => api.http.post('/fhir/Patient').set('content-type', 'application/fhir+json').send('{"resourceType":"Patient","__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}')],
];

describe('hostile input', () => {
  it.each(hostile)('%s → 4xx OperationOutcome, nothing stored', async (_name, send) => {
    const before = await api.storedCount();
    const response = await send();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(await api.storedCount()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 50 MB body with 413 as soon as it is announced, and keeps serving', async () => {
    // A raw client: it reads the early 413 while still uploading, as curl and browsers do.
    await api.runtime.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.runtime.app.server.address() as AddressInfo;
    const before = await api.storedCount();
    const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const upload = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/fhir/Patient', headers: { 'content-type': 'application/fhir+json', 'content-length': 50 * 1024 * 1024 } },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode, body }));
        },
      );
      upload.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && !upload.destroyed) {
          sent++;
          if (!upload.write(chunk)) return void upload.once('drain', pump);
        }
        upload.end();
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).resourceType).toBe('OperationOutcome');
    expect(await api.storedCount()).toBe(before);
    await api.http.get('/fhir/metadata').expect(200);
  });

  it('answers a request line Node cannot parse (raw UTF-8 in the URL) with a 400 OperationOutcome', async () => {
    if (!api.runtime.app.server.listening) await api.runtime.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.runtime.app.server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.write(Buffer.concat([Buffer.from('GET /fhir/Condition?_text='), Buffer.from('脳梗塞'), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]));
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toContain('Content-Type: application/fhir+json');
    expect(JSON.parse(body)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'structure' }] });
    await api.http.get('/fhir/metadata').expect(200);
  });

  it('treats SQL and FHIRPath metacharacters in search values as plain values', async () => {
    await api.http.post('/fhir/Patient').send({ resourceType: 'Patient', identifier: [{ system: 'urn:x', value: 'safe' }] }).expect(201);
    for (const value of ["' OR 1=1 --", "x'); DROP TABLE resource; --", "identifier.where(true)", '%', '\\', '$1', 'a|b|c']) {
      const response = await api.http.get(`/fhir/Patient?identifier=${encodeURIComponent(value)}`);
      expect([200, 400]).toContain(response.status);
      if (response.status === 200) expect((response.body.entry ?? []).filter((e: fhir4.BundleEntry) => e.search?.mode === 'match')).toHaveLength(0);
      else expect(response.body.resourceType).toBe('OperationOutcome');
    }
    expect(await api.storedCount()).toBe(1);
  });

  it('is still serving after all of it', async () => {
    await api.http.get('/healthz').expect(200);
    await api.http.post('/fhir/Patient').send({ resourceType: 'Patient', gender: 'female' }).expect(201);
  });
});
