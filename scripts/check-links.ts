/** `npm run lint:links [dist]`: every internal link and anchor of the built site leads somewhere. */
import { resolve } from 'node:path';
import { checkLinks } from './lib/links.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const { pages, links, broken } = checkLinks(dist);
for (const b of broken.slice(0, 200)) console.error(`${b.page}: ${b.href} — ${b.reason}`);
if (broken.length > 200) console.error(`… and ${broken.length - 200} more`);
console.log(
  `${pages.toLocaleString('en-US')} pages, ${links.toLocaleString('en-US')} internal links, ${broken.length.toLocaleString('en-US')} broken.`,
);
process.exit(broken.length > 0 ? 1 : 0);
