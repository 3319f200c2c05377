import type { FhirContext, FhirRequest } from './context.js';
import { ingestDocuments, type DocumentResult } from './interaction/document.js';
import { documentHospital } from './tenancy.js';

interface Lane<Label> {
  pending: { request: FhirRequest; label: Label }[];
  /** The lane's batches, stored one after another. */
  running: Promise<void>;
}

/**
 * Bulk document ingest (`load`, the ingest benchmark): documents are stored in batches (`ingestDocuments`), several
 * batches at once, one lane per group of hospitals. A hospital's documents always go to the same lane, in the order
 * given, so a correction is stored after the document it corrects; and two batches in flight never hold documents
 * of one hospital, so they do not wait for each other's locks on the new patients, doctors and departments a
 * hospital's documents share. Each lane holds at most one batch being stored and one being filled.
 */
export class DocumentQueue<Label> {
  private readonly lanes: Lane<Label>[];

  constructor(
    private readonly context: FhirContext,
    private readonly options: { batchSize: number; lanes: number; onResult: (label: Label, result: DocumentResult) => void },
  ) {
    this.lanes = Array.from({ length: Math.max(1, options.lanes) }, () => ({ pending: [], running: Promise.resolve() }));
  }

  /** Queues a document; resolves when the caller may go on (its lane has room). */
  async add(request: FhirRequest, label: Label): Promise<void> {
    const lane = this.lanes[this.laneOf(request.body as fhir4.Bundle)];
    lane.pending.push({ request, label });
    if (lane.pending.length >= this.options.batchSize) await this.dispatch(lane);
  }

  /** Stores everything queued; resolves when all of it is stored (rejects with the first failure). */
  async flush(): Promise<void> {
    for (const lane of this.lanes) if (lane.pending.length) void this.dispatch(lane).catch(() => {});
    await Promise.all(this.lanes.map((lane) => lane.running));
  }

  private laneOf(bundle: fhir4.Bundle): number {
    const hospital = documentHospital(bundle) ?? '';
    let hash = 0;
    for (const char of hospital) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return hash % this.lanes.length;
  }

  /** Starts storing the lane's batch after its previous one; resolves when that previous one is done. */
  private async dispatch(lane: Lane<Label>): Promise<void> {
    const batch = lane.pending;
    lane.pending = [];
    const previous = lane.running;
    lane.running = previous.then(async () => {
      const results = await ingestDocuments(
        this.context,
        batch.map((one) => one.request),
      );
      results.forEach((result, position) => this.options.onResult(batch[position].label, result));
    });
    // Failures surface through the next add() of this lane, or flush().
    lane.running.catch(() => {});
    await previous;
  }
}
