import type { APIRoute } from 'astro';
import { codeColoursCss } from '../data/highlight.ts';

/** The colours of highlighted code, as classes: one small file instead of a style on every token. */
export const GET: APIRoute = () =>
  new Response(codeColoursCss(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
