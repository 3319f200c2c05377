import { createWriteStream, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ExportFile } from './jobs.js';

/**
 * The NDJSON output files of one resource type: `<type>-<n>.ndjson`, a new file once one holds `byteLimit` bytes.
 * Each file is written as `<name>.part` and renamed when closed, so a complete name never holds a partial file.
 */
export class NdjsonFileSet {
  private stream?: WriteStream;
  private current?: ExportFile;
  private readonly closed: ExportFile[] = [];

  constructor(
    private readonly dir: string,
    private readonly type: string,
    private readonly byteLimit: number,
    private readonly kind: ExportFile['kind'] = 'output',
  ) {}

  /** Writes one resource as one line; `parts` are consecutive pieces of its JSON (a large one comes in slices). */
  async writeResource(parts: AsyncIterable<string | Uint8Array> | string[], expectedBytes: number): Promise<void> {
    if (this.current && this.current.bytes > 0 && this.current.bytes + expectedBytes + 1 > this.byteLimit) await this.closeCurrent();
    const file = this.current ?? (await this.open());
    for await (const part of parts) await this.append(part);
    await this.append('\n');
    file.count++;
  }

  /** Closes the open file; returns every file written, in order. */
  async finish(): Promise<ExportFile[]> {
    await this.closeCurrent();
    return this.closed;
  }

  /** Stops writing without completing the open file (a cancelled or failed job). */
  abort(): void {
    this.stream?.destroy();
    this.stream = undefined;
  }

  private async open(): Promise<ExportFile> {
    const suffix = this.kind === 'error' ? '-error' : '';
    this.current = { name: `${this.type}${suffix}-${this.closed.length + 1}.ndjson`, type: this.type, kind: this.kind, count: 0, bytes: 0 };
    this.stream = createWriteStream(join(this.dir, `${this.current.name}.part`), { flags: 'w' });
    await once(this.stream, 'open');
    return this.current;
  }

  private async append(chunk: string | Uint8Array): Promise<void> {
    const stream = this.stream!;
    this.current!.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, 'utf8') : chunk.byteLength;
    // Respect backpressure: memory holds at most the stream's buffer, whatever the export's size.
    if (!stream.write(chunk)) await once(stream, 'drain');
  }

  private async closeCurrent(): Promise<void> {
    if (!this.current || !this.stream) return;
    const stream = this.stream;
    stream.end();
    await once(stream, 'finish');
    await rename(join(this.dir, `${this.current.name}.part`), join(this.dir, this.current.name));
    this.closed.push(this.current);
    this.current = undefined;
    this.stream = undefined;
  }
}
