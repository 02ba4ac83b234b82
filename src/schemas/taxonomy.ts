import { z } from 'zod';

// The schemas are marked pure so that a browser module reading only the labels (the search page's
// filters, src/browser/search-facets.ts) leaves them, and zod with them, out of its bundle.

/**
 * The five tool categories (docs/classification.md), in order of increasing harm. The order is
 * used for sorting and for the "can modify or destroy data" figure.
 */
export const CATEGORIES = ['read', 'write', 'execute', 'destructive', 'financial'] as const;
export const categorySchema = /* @__PURE__ */ z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** Risk classes, lowest first. A signal may raise a tool's class, never lower it. */
export const RISKS = ['low', 'medium', 'high', 'critical'] as const;
export const riskSchema = /* @__PURE__ */ z.enum(RISKS);
export type Risk = z.infer<typeof riskSchema>;

/** Risk signals (docs/classification.md, "Signals"): what the definition shows the tool can be made to do. */
export const SIGNALS = [
  'url',
  'path',
  'code',
  'html',
  'credentials',
  'returns-credentials',
  'recipient',
  'money',
  'cost',
  'financial-data',
  'bulk',
  'annotation-mismatch',
  'poisoning',
  'short-description',
] as const;
export const signalSchema = /* @__PURE__ */ z.enum(SIGNALS);
export type SignalId = z.infer<typeof signalSchema>;

/** How each signal reads on a page ("Accepts a URL or endpoint"). */
export const SIGNAL_LABELS: Record<SignalId, string> = {
  url: 'Accepts a URL or endpoint',
  path: 'Accepts a file-system path',
  code: 'Accepts code, a query or a shell command',
  html: 'Accepts raw HTML or template content',
  credentials: 'Accepts credentials or secrets',
  'returns-credentials': 'Returns credentials or secrets',
  recipient: 'Sends messages or data to an outside recipient',
  money: 'Moves money',
  cost: 'Costs money per call',
  'financial-data': 'Reads financial data',
  bulk: 'Works in bulk or by wildcard',
  'annotation-mismatch': 'Annotations contradict the definition',
  poisoning: 'Tool-poisoning markers',
  'short-description': 'Empty or very short description',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  read: 'Read',
  write: 'Write',
  execute: 'Execute',
  destructive: 'Destructive',
  financial: 'Financial',
};

export const RISK_LABELS: Record<Risk, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
