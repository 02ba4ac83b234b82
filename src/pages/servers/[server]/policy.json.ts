import type { APIRoute, GetStaticPaths } from 'astro';
import { serverPolicyTexts, type AnalysedServer } from '../../../core/analyse.ts';
import { unknownTools } from '../../../core/site/tools-status.ts';
import { serverPaths } from '../../../data/catalogue.ts';

// A server whose tools are not known gets no policy file: an empty deny-all would read as a recommendation
// made from its tools (issue 21), and its page links none.
export const getStaticPaths = (() =>
  serverPaths().filter(({ props }) => !unknownTools(props.server))) satisfies GetStaticPaths;

/** The full server policy in PolicyLayer format, as a file to download. */
export const GET: APIRoute<{ server: AnalysedServer }> = ({ props }) =>
  new Response(serverPolicyTexts(props.server).policyJson, { headers: { 'Content-Type': 'application/json' } });
