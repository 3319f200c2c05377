import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { loadConformance } from '../../src/conformance/package-loader.js';
import { Validator } from '../../src/validation/index.js';

// Every example the IG publishes must pass the server's own validator: JP-CLINS rules and the registry profiles.
const config = loadConfig();
const registry = loadConformance({ ...config, sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml') });
const validator = new Validator(registry);
const examples = readdirSync(config.igResourcesDir)
  .filter((file) => /^(Bundle|Observation|Procedure)-jp-cvd-example/.test(file))
  .sort();

describe('IG examples', () => {
  it('include a discharge-summary Bundle per disease', () => {
    expect(examples.filter((file) => file.startsWith('Bundle-')).length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples)('%s has no validation errors', (file) => {
    const outcome = validator.validate(JSON.parse(readFileSync(join(config.igResourcesDir, file), 'utf8')));
    const errors = outcome.issue.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
    expect(errors.map((issue) => `${issue.expression?.[0]}: ${issue.diagnostics}`)).toEqual([]);
  });
});
