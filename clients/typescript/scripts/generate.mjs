// Generates one TypeScript client per service from the OpenAPI document the service's build stores in
// <service>/openapi/openapi.json, with openapi-generator (typescript-fetch). A spec that the generator finds broken or
// ambiguous fails: validation errors, warnings or recommendations, a failed generation, or a warning while generating
// (except the notices listed in HARMLESS, which say nothing about our documents).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const kit = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repository = resolve(kit, '..', '..');
const cli = join(kit, 'node_modules', '.bin', 'openapi-generator-cli');
const services = ['applications', 'funding', 'placement'];

// Generator notices that are not about the document: the typescript-fetch templates only render examples of
// application/json bodies, and our problem (application/problem+json) and CSV bodies carry theirs for readers.
// And openapi-generator 7.x looks for a $ref in every named example: an inline example (ours are all inline, as
// OpenAPI allows) makes it log "Failed to get the schema name: null".
const HARMLESS = [
  /No application\/json content media type found in response\. Response examples can currently only be generated/,
  /ModelUtils - Failed to get the schema name: null$/,
];

function run(args, what) {
  const result = spawnSync(cli, args, { cwd: kit, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) {
    throw new Error(`${what}: cannot run openapi-generator-cli: ${result.error.message}`);
  }
  return { status: result.status, output };
}

const failures = [];
for (const service of services) {
  const spec = join(repository, `${service}-service`, 'openapi', 'openapi.json');

  const validation = run(['validate', '-i', spec, '--recommend'], `${service}: validate`);
  if (validation.status !== 0 || !/No validation issues detected\./.test(validation.output)) {
    failures.push(`${service}: the OpenAPI document does not validate cleanly:\n${validation.output}`);
    continue;
  }

  const output = join(kit, 'generated', service);
  rmSync(output, { recursive: true, force: true });
  const generation = run(['generate', '-g', 'typescript-fetch', '-i', spec, '-o', output, '--strict-spec', 'true',
    '--additional-properties=supportsES6=true,enumPropertyNaming=original'],
  `${service}: generate`);
  const warnings = generation.output.split('\n')
    .filter((line) => /\bWARN\b|\[warn\]|\bERROR\b/i.test(line))
    .filter((line) => !HARMLESS.some((notice) => notice.test(line)));
  if (generation.status !== 0 || warnings.length > 0) {
    failures.push(`${service}: openapi-generator ${generation.status !== 0 ? `failed (exit ${generation.status})` : 'warned'}:\n`
      + (warnings.length > 0 ? warnings.join('\n') : generation.output));
    continue;
  }
  console.log(`${service}: client generated in ${output}`);
}

if (failures.length > 0) {
  console.error(failures.join('\n\n'));
  process.exit(1);
}
