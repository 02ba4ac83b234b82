/**
 * The one place pages get the catalogue from. It reuses what the build integration
 * validated (or loads it, e.g. under `astro check`), analyses it once, and turns it
 * into the view models the page files render, so `.astro` files stay thin.
 */
import { CATALOGUE_CACHE } from '../integrations/catalogue.ts';
import { analyseCatalogue, type AnalysedServer, type AnalysedTool } from '../core/analyse.ts';
import { catalogueDir, loadCatalogue, type Catalogue } from '../core/loader.ts';

let catalogue: Catalogue | undefined;
let analysed: AnalysedServer[] | undefined;

export function getCatalogue(): Catalogue {
  catalogue ??=
    ((globalThis as Record<symbol, unknown>)[CATALOGUE_CACHE] as Catalogue | undefined) ??
    loadCatalogue(catalogueDir());
  return catalogue;
}

/** Every server with its tools classified and their recommendations decided, once per build. */
export function getServers(): AnalysedServer[] {
  analysed ??= analyseCatalogue(getCatalogue());
  return analysed;
}

export interface ToolView {
  server: AnalysedServer;
  tool: AnalysedTool;
}

export function toolViews(): ToolView[] {
  return getServers().flatMap((server) => server.tools.map((tool) => ({ server, tool })));
}
