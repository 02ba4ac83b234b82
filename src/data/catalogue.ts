/**
 * The one place pages get the catalogue from. It reuses what the build integration
 * validated (or loads it, e.g. under `astro check`), and turns it into the view
 * models the page files render, so `.astro` files stay thin.
 */
import { CATALOGUE_CACHE } from '../integrations/catalogue.ts';
import {
  catalogueDir,
  loadCatalogue,
  type Catalogue,
  type CatalogueServer,
  type CatalogueTool,
} from '../core/loader.ts';

let loaded: Catalogue | undefined;

export function getCatalogue(): Catalogue {
  loaded ??=
    ((globalThis as Record<symbol, unknown>)[CATALOGUE_CACHE] as Catalogue | undefined) ??
    loadCatalogue(catalogueDir());
  return loaded;
}

export function serverTitle(server: CatalogueServer): string {
  return server.server.title || server.server.name;
}

export interface ServerView {
  server: CatalogueServer;
  title: string;
}

export interface ToolView {
  server: CatalogueServer;
  tool: CatalogueTool;
  serverTitle: string;
}

export function serverViews(): ServerView[] {
  return getCatalogue().servers.map((server) => ({ server, title: serverTitle(server) }));
}

export function toolViews(): ToolView[] {
  return getCatalogue().servers.flatMap((server) =>
    server.tools.map((tool) => ({ server, tool, serverTitle: serverTitle(server) })),
  );
}
