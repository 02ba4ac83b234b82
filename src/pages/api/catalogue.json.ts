import type { APIRoute } from 'astro';
import { catalogueIndex } from '../../core/site/api.ts';
import { getServers } from '../../data/catalogue.ts';

export const GET: APIRoute = () => Response.json(catalogueIndex(getServers()));
