import { z } from 'zod';
import { serverSchema } from './server.ts';
import { toolSchema } from './tool.ts';

/**
 * One catalogue file, `content/servers/<slug>.json`: the registry `server.json`
 * under `server`, and the `tools/list` result's tools under `tools`.
 */
export const serverFileSchema = z.looseObject({
  server: serverSchema,
  tools: z.array(toolSchema),
});

export type ServerFile = z.infer<typeof serverFileSchema>;
