/** The JSON Schemas the site publishes, generated from the zod schemas so they are never written twice. */
import { z } from 'zod';
import { serverFileSchema } from '../../schemas/catalogue.ts';
import { policySchema } from '../../schemas/policy.ts';
import { CATALOGUE_SCHEMA_PATH, POLICY_SCHEMA_PATH } from './paths.ts';

export function catalogueServerJsonSchema(siteUrl: string) {
  return {
    ...z.toJSONSchema(serverFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: new URL(CATALOGUE_SCHEMA_PATH, siteUrl).href,
    title: 'MCP catalogue server file',
    description:
      'One file of the catalogue: the MCP Registry server.json under "server" and the tools/list tools under "tools".',
  };
}

export function policyJsonSchema(siteUrl: string) {
  return {
    ...z.toJSONSchema(policySchema, { io: 'input' }),
    $id: new URL(POLICY_SCHEMA_PATH, siteUrl).href,
    title: 'PolicyLayer gateway policy, version 1',
    description: 'A recommended MCP gateway policy as this catalogue publishes it.',
  };
}
