import type { APIRoute, GetStaticPaths } from 'astro';
import { serverPolicyTexts, type AnalysedServer } from '../../../core/analyse.ts';
import { getServers, serverCacheKey, INCREMENTAL } from '../../../data/catalogue.ts';

export const getStaticPaths = (() =>
  getServers().map((server) => ({
    params: { server: server.slug },
    props: { server },
    ...(INCREMENTAL ? { cacheKey: serverCacheKey(server) } : {}),
  }))) satisfies GetStaticPaths;

/** The full server policy in PolicyLayer format, as a file to download. */
export const GET: APIRoute<{ server: AnalysedServer }> = ({ props }) =>
  new Response(serverPolicyTexts(props.server).policyJson, { headers: { 'Content-Type': 'application/json' } });
