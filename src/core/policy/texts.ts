/**
 * The three texts of one policy, from its decisions: what the pages show, the CLI prints and
 * the policy builder (bundled for the browser) writes. It imports only the formats, so the
 * builder's bundle carries no classifier.
 */
import type { Policy, ToolPolicy } from '../../schemas/policy.ts';
import type { ToolDecision } from './decision.ts';
import {
  claudeJson,
  claudeSettings,
  interceptPolicy,
  interceptYaml,
  policyJson,
  policyLayerPolicy,
} from './formats.ts';

export interface PolicyTexts {
  /** PolicyLayer JSON, the primary format. */
  policy: Policy & { tools: Record<string, ToolPolicy> };
  policyJson: string;
  interceptYaml: string;
  claudeJson: string;
}

export function policyTexts(
  claudeServerName: string,
  decisions: readonly { decision: ToolDecision; lowRisk: boolean }[],
  description: string,
  indent: 0 | 2,
): PolicyTexts {
  const policy = policyLayerPolicy(decisions.map((d) => d.decision));
  const intercept = interceptPolicy(
    decisions.map((d) => d.decision),
    description,
  );
  return {
    policy,
    policyJson: policyJson(policy, indent),
    interceptYaml: interceptYaml(intercept.policy, intercept.notes),
    claudeJson: claudeJson(claudeSettings(claudeServerName, decisions)),
  };
}

/** The Intercept description of a server's policy: the policy builder writes the same one until a tool changes. */
export function serverPolicyDescription(title: string, tools: number): string {
  return `Recommended policy for all ${tools} tools of ${title}`;
}
