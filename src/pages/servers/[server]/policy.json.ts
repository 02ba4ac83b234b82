import type { APIRoute, GetStaticPaths } from 'astro';
import { serverPolicyTexts, type AnalysedServer } from '../../../core/analyse.ts';
import { serverPaths } from '../../../data/catalogue.ts';

export const getStaticPaths = (() => serverPaths()) satisfies GetStaticPaths;

/** The full server policy in PolicyLayer format, as a file to download. */
export const GET: APIRoute<{ server: AnalysedServer }> = ({ props }) =>
  new Response(serverPolicyTexts(props.server).policyJson, { headers: { 'Content-Type': 'application/json' } });
