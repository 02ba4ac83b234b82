/**
 * The three texts of one policy, from its decisions: what the pages show, the CLI prints and
 * the policy builder (bundled for the browser) writes. It imports only the formats, so the
 * builder's bundle carries no classifier.
 */
import type { Policy, ToolPolicy } from '../../schemas/policy.ts';
import type { ToolDecision } from './decision.ts';
import { claudeJson, claudeSettings, interceptYaml, policyJson, policyLayerPolicy } from './formats.ts';

export interface PolicyTexts {
  /** PolicyLayer JSON, the primary format. */
  policy: Policy & { tools: Record<string, ToolPolicy> };
  policyJson: string;
  interceptYaml: string;
  claudeJson: string;
}

type Decisions = readonly { decision: ToolDecision; lowRisk: boolean }[];

export function policyLayerText(decisions: Decisions, indent: 0 | 2): Pick<PolicyTexts, 'policy' | 'policyJson'> {
  const policy = policyLayerPolicy(decisions.map((d) => d.decision));
  return { policy, policyJson: policyJson(policy, indent) };
}

export function interceptText(decisions: Decisions, description: string): string {
  return interceptYaml(
    decisions.map((d) => d.decision),
    description,
  );
}

export function claudeText(claudeServerName: string, decisions: Decisions): string {
  return claudeJson(claudeSettings(claudeServerName, decisions));
}

export function policyTexts(
  claudeServerName: string,
  decisions: Decisions,
  description: string,
  indent: 0 | 2,
): PolicyTexts {
  return {
    ...policyLayerText(decisions, indent),
    interceptYaml: interceptText(decisions, description),
    claudeJson: claudeText(claudeServerName, decisions),
  };
}

/** The Intercept description of a server's policy: the policy builder writes the same one until a tool changes. */
export function serverPolicyDescription(title: string, tools: number): string {
  return `Recommended policy for all ${tools} tools of ${title}`;
}
