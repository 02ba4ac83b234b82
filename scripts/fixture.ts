/**
 * `npm run fixture -- --servers N --tools M --out DIR [--seed S]`: writes a
 * synthetic catalogue of ordinary server files (see scripts/lib/fixture.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureFiles } from './lib/fixture.ts';

const { values } = parseArgs({
  options: {
    servers: { type: 'string' },
    tools: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const tools = Number(values.tools);
const servers = Number(values.servers ?? Math.max(1, Math.round(tools / 10)));
if (
  !values.out ||
  !Number.isInteger(tools) ||
  tools < 1 ||
  !Number.isInteger(servers) ||
  servers < 1 ||
  servers > tools
) {
  console.error('usage: npm run fixture -- --servers N --tools M --out DIR [--seed S]   (1 ≤ N ≤ M)');
  process.exit(2);
}
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
let files = 0;
for (const [name, text] of fixtureFiles({ servers, tools, seed: Number(values.seed) })) {
  writeFileSync(join(out, name), text);
  files++;
}
console.log(
  `${out}: ${files.toLocaleString('en-US')} servers, ${tools.toLocaleString('en-US')} tools (seed ${values.seed}).`,
);
