import { z } from 'zod';
import { registryRecordSchema, scanRecordSchema } from './registry.ts';
import { serverSchema } from './server.ts';
import { toolSchema } from './tool.ts';

/**
 * One catalogue file, `content/servers/<slug>.json`: the registry `server.json`
 * under `server`, and the `tools/list` result's tools under `tools`.
 */
export const serverFileSchema = z.looseObject({
  /** The registry's `server.json`, exactly as the registry or the curator wrote it. */
  server: serverSchema,
  /** Where the entry came from and its lifecycle; absent in a file written by hand. */
  registry: registryRecordSchema.optional(),
  /** Whether, when and how the tools were listed; absent in a file written by hand (its tools are as given). */
  scan: scanRecordSchema.optional(),
  /** The tools, as `tools/list` returned them; empty until the server is scanned. */
  tools: z.array(toolSchema),
});

export type ServerFile = z.infer<typeof serverFileSchema>;
