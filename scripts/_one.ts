import { classifyTool } from '/work/wt/classify/src/core/classify/classifier.ts';
import { toolSchema } from '/work/wt/classify/src/schemas/tool.ts';
const [name, description, props, server] = process.argv.slice(2);
const c = classifyTool(toolSchema.parse({ name, description, inputSchema: { type: 'object', properties: JSON.parse(props || '{}') } }), { serverDescription: server });
console.log(c.category, c.confidence, JSON.stringify(c.signals), '\n ', c.evidence.join('\n  '), '\n  reasons:', c.confidenceReasons.join('; '));
