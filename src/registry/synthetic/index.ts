export { DEFAULT_OPTIONS, generateAdmissions, writeSyntheticData, type GeneratedAdmission, type GenerationSummary, type GeneratorOptions, type TruthRecord } from './generator.js';
export { DISEASES, type DiseaseKey } from './diseases.js';
