import type { APIRoute } from 'astro';
import { catalogueServerJsonSchema } from '../../core/site/json-schemas.ts';

export const GET: APIRoute = ({ site }) => Response.json(catalogueServerJsonSchema(String(site)));
