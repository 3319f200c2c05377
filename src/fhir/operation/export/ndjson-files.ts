import { createWriteStream, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ExportFile } from './jobs.js';

const LINE_BREAK = 0x0a;

function countLines(ndjson: Buffer): number {
  let count = 0;
  for (let at = ndjson.indexOf(LINE_BREAK); at !== -1; at = ndjson.indexOf(LINE_BREAK, at + 1)) count++;
  return count;
}

/** Lines are gathered into chunks of about this many characters before they are written. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The NDJSON output files of one resource type: `<type>-<n>.ndjson`, a new file once one holds `byteLimit` bytes.
 * Each file is written as `<name>.part` and renamed when closed, so a complete name never holds a partial file.
 */
export class NdjsonFileSet {
  private stream?: WriteStream;
  private current?: ExportFile;
  /** Lines of the open file not yet handed to its stream. */
  private pending = '';
  private readonly closed: ExportFile[] = [];

  constructor(
    private readonly dir: string,
    private readonly type: string,
    private readonly byteLimit: number,
    private readonly kind: ExportFile['kind'] = 'output',
  ) {}

  /** Writes one resource as one line. */
  async writeLine(json: string): Promise<void> {
    const bytes = Buffer.byteLength(json, 'utf8') + 1;
    const file = await this.fileFor(bytes);
    this.pending += `${json}\n`;
    file.bytes += bytes;
    file.count++;
    if (this.pending.length >= CHUNK_CHARS) await this.flush();
  }

  /**
   * Writes whole NDJSON lines (each ending in a line break) as they are: in one piece, or line by line where they
   * cross the byte limit of a file. Returns the number of lines.
   */
  async writeNdjson(ndjson: Buffer): Promise<number> {
    if ((this.current?.bytes ?? 0) + ndjson.length <= this.byteLimit) {
      const file = this.current ?? (await this.open());
      const count = countLines(ndjson);
      await this.flush();
      await this.append(ndjson);
      file.count += count;
      return count;
    }
    let count = 0;
    for (let start = 0; start < ndjson.length; count++) {
      const end = ndjson.indexOf(LINE_BREAK, start) + 1;
      const file = await this.fileFor(end - start);
      await this.flush();
      await this.append(ndjson.subarray(start, end));
      file.count++;
      start = end;
    }
    return count;
  }

  /** Writes one large resource as one line from consecutive UTF-8 slices of its JSON. */
  async writeSlices(parts: AsyncIterable<Uint8Array>, bytes: number): Promise<void> {
    const file = await this.fileFor(bytes + 1);
    await this.flush();
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
    this.pending = '';
    this.stream?.destroy();
    this.stream = undefined;
  }

  /** The file a line of `bytes` goes to: the open one, unless the line would take it past the limit. */
  private async fileFor(bytes: number): Promise<ExportFile> {
    if (this.current && this.current.bytes > 0 && this.current.bytes + bytes > this.byteLimit) await this.closeCurrent();
    return this.current ?? (await this.open());
  }

  private async flush(): Promise<void> {
    if (!this.pending) return;
    const chunk = this.pending;
    this.pending = '';
    const stream = this.stream!;
    // Respect backpressure: memory holds at most the stream's buffer and one chunk, whatever the export's size.
    if (!stream.write(chunk)) await once(stream, 'drain');
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
    if (!stream.write(chunk)) await once(stream, 'drain');
  }

  private async closeCurrent(): Promise<void> {
    if (!this.current || !this.stream) return;
    await this.flush();
    const stream = this.stream;
    stream.end();
    await once(stream, 'finish');
    await rename(join(this.dir, `${this.current.name}.part`), join(this.dir, this.current.name));
    this.closed.push(this.current);
    this.current = undefined;
    this.stream = undefined;
  }
}
