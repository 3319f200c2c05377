import type { SearchEngine } from '../search/search-engine.js';
import type { ResourceStore } from '../store/resource-store.js';

/**
 * The generic FHIR machinery the registry's domain works through: storage and search. The registry takes these
 * rather than the HTTP-facing FhirContext, so its imports run one way (fhir → registry → search/store).
 */
export interface RegistryServices {
  store: ResourceStore;
  search: SearchEngine;
}
