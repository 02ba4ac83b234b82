import type { APIRoute } from 'astro';
import { policyJsonSchema } from '../../core/site/json-schemas.ts';

export const GET: APIRoute = ({ site }) => Response.json(policyJsonSchema(String(site)));
