#!/usr/bin/env node
/**
 * `npm run catalogue -- COMMAND …` (the `mcp-catalogue` bin): build and inspect a catalogue from
 * live MCP servers. `npm run catalogue -- --help` lists the commands, `COMMAND --help` a command's
 * options; each command is a module of src/cli/commands/.
 */
import { runCatalogue } from '../src/cli/commands/index.ts';

await runCatalogue(process.argv.slice(2));
