import { z } from 'zod';

/**
 * The five tool categories of SPEC.md, in order of increasing harm. The order is
 * used for sorting and for the "can modify or destroy data" figure.
 */
export const CATEGORIES = ['read', 'write', 'execute', 'destructive', 'financial'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** Risk classes, lowest first. A signal may raise a tool's class, never lower it. */
export const RISKS = ['low', 'medium', 'high', 'critical'] as const;
export const riskSchema = z.enum(RISKS);
export type Risk = z.infer<typeof riskSchema>;
