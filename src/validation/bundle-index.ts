type JsonObject = Record<string, unknown>;

export interface IndexedEntry {
  /** FHIRPath location of the entry, e.g. `Bundle.entry[3]`. */
  path: string;
  fullUrl?: string;
  resource?: JsonObject;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const RESTFUL_TAIL = /\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** The entries of one Bundle, indexed for reference resolution (https://hl7.org/fhir/R4/bundle.html#references). */
export class BundleIndex {
  readonly entries: IndexedEntry[] = [];
  private readonly byFullUrl = new Map<string, JsonObject>();
  private readonly byTypeAndId = new Map<string, JsonObject>();
  private readonly fullUrlByResource = new Map<JsonObject, string>();

  private constructor(readonly type: string | undefined) {}

  static build(bundle: JsonObject, bundlePath: string): BundleIndex {
    const index = new BundleIndex(typeof bundle.type === 'string' ? bundle.type : undefined);
    const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
    entries.forEach((entry, position) => {
      if (!isObject(entry)) return;
      const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
      const resource = isObject(entry.resource) ? entry.resource : undefined;
      index.entries.push({ path: `${bundlePath}.entry[${position}]`, fullUrl, resource });
      if (!resource) return;
      if (fullUrl) {
        index.byFullUrl.set(fullUrl, resource);
        index.fullUrlByResource.set(resource, fullUrl);
      }
      if (typeof resource.resourceType === 'string' && typeof resource.id === 'string') {
        index.byTypeAndId.set(`${resource.resourceType}/${resource.id}`, resource);
      }
    });
    return index;
  }

  fullUrlOf(resource: JsonObject): string | undefined {
    return this.fullUrlByResource.get(resource);
  }

  /** Resolves a literal reference made from the entry with `fromFullUrl`. */
  resolve(literal: string, fromFullUrl: string | undefined): JsonObject | undefined {
    const withoutHistory = literal.replace(/\/_history\/[^/]+$/, '');
    const direct = this.byFullUrl.get(literal) ?? this.byFullUrl.get(withoutHistory);
    if (direct) return direct;
    if (/^[a-z]+:/i.test(literal)) return undefined;
    // A relative reference resolves against the base of the referring entry's RESTful fullUrl.
    const base = fromFullUrl?.replace(RESTFUL_TAIL, '');
    if (base && base !== fromFullUrl) {
      const absolute = this.byFullUrl.get(`${base}/${withoutHistory}`);
      if (absolute) return absolute;
    }
    return this.byTypeAndId.get(withoutHistory);
  }
}
