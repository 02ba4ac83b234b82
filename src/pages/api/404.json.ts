/**
 * The answer to an API address that does not exist, as JSON rather than the HTML "Page not found": a client
 * that asked for `/api/servers/<server>.json` can read why it failed and where the documents are. The build
 * writes it to `/api/404.json`; serving it with status 404 for a missing address under `/api/` is the host's
 * part (README, "Deploying the site"; `public/api/.htaccess` does it on Apache).
 */
import type { APIRoute } from 'astro';
import { CATALOGUE_API_PATH, serverApiPath } from '../../core/site/paths.ts';

export const GET: APIRoute = () =>
  Response.json({
    error: 'not_found',
    status: 404,
    message:
      'No API document lives at this address. The server may have been renamed or removed from the catalogue: its ' +
      'slug is listed in the catalogue index.',
    documents: {
      catalogue: CATALOGUE_API_PATH,
      server: serverApiPath('{slug}'),
    },
  });
