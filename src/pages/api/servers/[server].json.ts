import type { APIRoute, GetStaticPaths } from 'astro';
import type { AnalysedServer } from '../../../core/analyse.ts';
import { serverDocument } from '../../../core/api.ts';
import { getServers, serverCacheKey } from '../../../data/catalogue.ts';

export const getStaticPaths = (() =>
  getServers().map((server) => ({
    params: { server: server.slug },
    props: { server },
    cacheKey: serverCacheKey(server),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ server: AnalysedServer }> = ({ props }) => Response.json(serverDocument(props.server));
