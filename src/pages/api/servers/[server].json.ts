import type { APIRoute, GetStaticPaths } from 'astro';
import type { AnalysedServer } from '../../../core/analyse.ts';
import { serverDocument } from '../../../core/site/api.ts';
import { serverPaths } from '../../../data/catalogue.ts';

export const getStaticPaths = (() => serverPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<{ server: AnalysedServer }> = ({ props }) => Response.json(serverDocument(props.server));
