import type { APIRoute, GetStaticPaths } from 'astro';
import type { AnalysedServer } from '../../../core/analyse.ts';
import { serverDocument } from '../../../core/api.ts';
import { getServers, serverCacheKey, INCREMENTAL } from '../../../data/catalogue.ts';

export const getStaticPaths = (() =>
  getServers().map((server) => ({
    params: { server: server.slug },
    props: { server },
    ...(INCREMENTAL ? { cacheKey: serverCacheKey(server) } : {}),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ server: AnalysedServer }> = ({ props }) => Response.json(serverDocument(props.server));
