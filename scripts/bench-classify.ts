/**
 * `npm run bench:classify [-- --tools N] [--labels FILE] [--wrong] [--accuracy-only]`:
 * first the classifier's accuracy on the labelled table (`test/classifier/labels.ts`,
 * or a JSON array of rows of the same shape given with `--labels`), then speed: an
 * in-memory catalogue of N tools (default 50,000), made by repeating the bundled sample
 * under new server names, classified and turned into policies, each stage timed.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { analyseCatalogue, serverPolicyTexts, toolPolicyTexts } from '../src/core/analyse.ts';
import { catalogueDir, loadCatalogue, type Catalogue } from '../src/build/catalogue-files.ts';
import { LABELED_TOOLS, type LabeledTool } from '../test/classifier/labels.ts';
import { measure, report } from '../test/classifier/measure.ts';

const { values } = parseArgs({
  options: {
    tools: { type: 'string', default: '50000' },
    labels: { type: 'string' },
    wrong: { type: 'boolean', default: false },
    'accuracy-only': { type: 'boolean', default: false },
  },
});
const labels: LabeledTool[] = values.labels ? JSON.parse(readFileSync(values.labels, 'utf8')) : LABELED_TOOLS;
console.log(`labelled table: ${values.labels ?? 'test/classifier/labels.ts'}`);
for (const line of report(measure(labels), { listWrong: values.wrong })) console.log(line);
if (values['accuracy-only']) process.exit(0);

const target = Number(values.tools);
const sample = loadCatalogue(catalogueDir());

const servers: Catalogue['servers'] = [];
let tools = 0;
for (let copy = 0; tools < target; copy++) {
  for (const s of sample.servers) {
    if (tools >= target) break;
    const take = s.tools.slice(0, target - tools);
    servers.push({
      ...s,
      slug: `${s.slug}-${copy}`,
      server: { ...s.server, name: `${s.server.name}-${copy}` },
      tools: take,
    });
    tools += take.length;
  }
}
const catalogue: Catalogue = { dir: sample.dir, servers, deleted: [], toolCount: tools };

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const result = fn();
  return [result, (performance.now() - start) / 1000];
};

const [analysed, classifySeconds] = time(() => analyseCatalogue(catalogue));
const [, toolPolicySeconds] = time(() => analysed.forEach((s) => s.tools.forEach((t) => toolPolicyTexts(s, t))));
const [, serverPolicySeconds] = time(() => analysed.forEach((s) => serverPolicyTexts(s)));

const rate = (seconds: number) => Math.round(tools / seconds).toLocaleString('en-US');
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(`catalogue: ${tools.toLocaleString('en-US')} tools on ${servers.length.toLocaleString('en-US')} servers`);
console.log(`classify + decide:        ${classifySeconds.toFixed(2)} s  (${rate(classifySeconds)} tools/s)`);
console.log(`tool policies, 3 formats: ${toolPolicySeconds.toFixed(2)} s  (${rate(toolPolicySeconds)} tools/s)`);
console.log(`server policies:          ${serverPolicySeconds.toFixed(2)} s  (${rate(serverPolicySeconds)} tools/s)`);
