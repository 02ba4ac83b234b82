/**
 * Everything a tool page shows, in the order it shows it: the page file only renders this
 * (docs/architecture.md, "From catalogue file to page"). Catalogue text stays text here; the
 * page escapes it as Astro does every expression.
 */
import type { AnalysedServer, AnalysedTool, PolicyTexts } from '../core/analyse.ts';
import { toolPolicyTexts, toolVariantTexts } from '../core/analyse.ts';
import { definitionHash } from '../core/catalogue/import.ts';
import { checksNamed, claudeServerNameNote, formatEffects, variantIntro } from '../core/policy/effects.ts';
import type { Launchable } from '../core/policy/loading.ts';
import { attacksFor } from '../core/site/attacks.ts';
import { annotationClaims, outputShape, type AnnotationClaim } from '../core/site/definition.ts';
import {
  DESCRIPTION_LIMIT,
  MAX_PARAMETER_ROWS,
  categoryNoun,
  faq,
  howToControl,
  parameterRows,
  riskPhrase,
  whatItDoes,
  whyItNeedsAPolicy,
  type FaqEntry,
  type ParameterRow,
} from '../core/site/explain.ts';
import { attackPath, serverApiPath, serverPath, toolPath } from '../core/site/paths.ts';
import { clip, figure, plural } from '../core/text.ts';
import { jsonForScript } from '../core/untrusted.ts';
import { CATEGORY_LABELS, RISK_LABELS, SIGNAL_LABELS, type Category, type Risk } from '../schemas/taxonomy.ts';
import { getAttacks, relatedTo, type ToolView } from './catalogue.ts';

/** A parameter's or result field's description is cut here in a table; the JSON API has it whole. */
const TABLE_DESCRIPTION_LIMIT = 500;

export interface SchemaTable {
  /** The rows shown: at most `MAX_PARAMETER_ROWS`, each description cut at 500 characters. */
  rows: ParameterRow[];
  /** How many there are in all. */
  total: number;
}

export interface ToolPage {
  title: string;
  metaDescription: string;
  /** The FAQPage JSON-LD, already safe inside a `<script>` element. */
  jsonLd: string;
  name: string;
  subtitle?: string;
  category: { id: Category; label: string };
  risk: { id: Risk; label: string };
  reviewed: boolean;
  server: { title: string; name: string; href: string; slug: string; apiHref: string; toolCount: string };
  /** Undefined when the server gives no description. */
  description?: { shown: string; length: string; cut: boolean };
  descriptionLimit: string;
  whatItDoes: string;
  why: string;
  signals: { id: string; label: string; evidence: string[] }[];
  confidence: { percent: number; reasons: string[] };
  evidence: string[];
  definitionHash: string;
  parameters: SchemaTable & { count: string; more?: string };
  returns?: { type: string; description?: string; fields: SchemaTable };
  claims: AnnotationClaim[];
  control: string[];
  policy: {
    texts: PolicyTexts;
    names: string[];
    effects: string[];
    claudeNote: string;
    /** What pasting this one-tool policy alone does to the rest of the server; absent for a server of one tool. */
    alone?: string;
    /** How to put the variant into the server's policy instead of pasting it alone. */
    merge?: string;
    launch: { slug: string; server: Launchable };
    variant?: { texts: PolicyTexts; effects: string[]; intro: string; reasons: string[] };
  };
  attacks: { href: string; title: string; summary: string }[];
  related: { heading: string; items: { href: string; name: string; server: string; risk: Risk; riskLabel: string }[] };
  faq: FaqEntry[];
}

function schemaTable(rows: readonly ParameterRow[]): SchemaTable {
  return {
    rows: rows
      .slice(0, MAX_PARAMETER_ROWS)
      .map((row) => ({ ...row, description: clip(row.description, TABLE_DESCRIPTION_LIMIT) })),
    total: rows.length,
  };
}

function faqJsonLd(questions: readonly FaqEntry[]): string {
  return jsonForScript({
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: questions.map((q) => ({
      '@type': 'Question',
      name: q.question,
      acceptedAnswer: { '@type': 'Answer', text: q.answer },
    })),
  });
}

function describedAs(tool: AnalysedTool): Pick<ToolPage, 'description' | 'descriptionLimit'> {
  const text = tool.tool.description;
  const shown = clip(text, DESCRIPTION_LIMIT);
  return {
    ...(text.trim() ? { description: { shown, length: figure(text.length), cut: shown !== text } } : {}),
    descriptionLimit: figure(DESCRIPTION_LIMIT),
  };
}

function classificationOf(
  tool: AnalysedTool,
): Pick<ToolPage, 'category' | 'risk' | 'reviewed' | 'signals' | 'confidence' | 'evidence'> {
  const c = tool.classification;
  return {
    category: { id: c.category, label: CATEGORY_LABELS[c.category] },
    risk: { id: c.risk, label: RISK_LABELS[c.risk] },
    reviewed: c.reviewed,
    signals: c.signals.map((s) => ({ id: s.id, label: SIGNAL_LABELS[s.id], evidence: s.evidence })),
    confidence: { percent: Math.round(c.confidence * 100), reasons: c.confidenceReasons },
    evidence: c.evidence,
  };
}

function definitionOf(tool: AnalysedTool): Pick<ToolPage, 'parameters' | 'returns' | 'claims' | 'definitionHash'> {
  const rows = parameterRows(tool);
  const parameters = schemaTable(rows);
  const output = outputShape(tool.tool);
  return {
    parameters: {
      ...parameters,
      count: figure(rows.length),
      ...(rows.length > MAX_PARAMETER_ROWS
        ? { more: `The first ${MAX_PARAMETER_ROWS} of ${figure(rows.length)} parameters are shown` }
        : {}),
    },
    ...(output
      ? {
          returns: {
            type: output.type,
            ...(output.description ? { description: output.description } : {}),
            fields: schemaTable(output.fields),
          },
        }
      : {}),
    claims: annotationClaims(tool.tool),
    definitionHash: definitionHash(tool.tool),
  };
}

function policyOf(server: AnalysedServer, tool: AnalysedTool): ToolPage['policy'] {
  const name = tool.tool.name;
  const lowRisk = tool.classification.risk === 'low';
  const effects = (decision: AnalysedTool['decision']) => formatEffects(decision, lowRisk).map((e) => e.text);
  const variant = tool.decision.variant;
  const variantTexts = toolVariantTexts(server, tool);
  const others = server.tools.length - 1;
  return {
    texts: toolPolicyTexts(server, tool),
    names: [name, server.slug],
    effects: effects(tool.decision),
    claudeNote: claudeServerNameNote(server.slug, name),
    launch: { slug: server.slug, server: server.server },
    ...(others > 0
      ? {
          alone: `This policy names only ${name}, under "default": "deny": loaded alone into PolicyLayer or Intercept, it refuses every call to the server's ${plural(others, 'other tool')}. To keep them, load the full ${server.title} policy instead, which has this tool's rule in it. (The Claude Code rules can be merged on their own: Claude Code has no default.)`,
        }
      : {}),
    ...(variant && others > 0
      ? {
          merge: `To use the variant without blocking the rest of the server, take the full ${server.title} policy and put the variant's entry for ${name} in place of the one there (under "tools" in the JSON and the YAML), and in Claude Code move its rule from deny to ask; npm run catalogue -- policy ${server.slug} --variant writes the server's policy with the variant of every refused tool in its place.`,
        }
      : {}),
    ...(variant && variantTexts
      ? {
          variant: {
            texts: variantTexts,
            effects: effects(variant),
            intro: variantIntro(name, variant),
            reasons: [...variant.reasons],
          },
        }
      : {}),
  };
}

export interface WorkedExample {
  href: string;
  name: string;
  server: string;
  intro: string;
  effects: string[];
  reasons: string[];
}

/**
 * The variant the "How recommendations are made" page works through: of the catalogue's refused
 * tools, the one whose variant has the most argument checks (the first by server and tool order on
 * a tie), with the very sentences its own page shows.
 */
export function workedExample(views: readonly ToolView[]): WorkedExample | undefined {
  let best: ToolView | undefined;
  const checks = (v: ToolView) => (v.tool.decision.variant ? checksNamed(v.tool.decision.variant).length : -1);
  for (const view of views) if (checks(view) > (best ? checks(best) : 0)) best = view;
  if (!best) return undefined;
  const variant = policyOf(best.server, best.tool).variant!;
  return {
    href: toolPath(best.server.slug, best.tool.slug),
    name: best.tool.tool.name,
    server: best.server.title,
    intro: variant.intro,
    effects: variant.effects,
    reasons: variant.reasons,
  };
}

function relatedOf(tool: AnalysedTool): ToolPage['related'] {
  return {
    heading: `Related ${CATEGORY_LABELS[tool.classification.category].toLowerCase()} tools on other servers`,
    items: relatedTo(tool).map((r) => ({
      href: toolPath(r.server.slug, r.tool.slug),
      name: r.tool.tool.name,
      server: r.server.title,
      risk: r.tool.classification.risk,
      riskLabel: RISK_LABELS[r.tool.classification.risk],
    })),
  };
}

/** The tool's own title, or the one its annotations give, shown under its name. */
function subtitleOf(tool: AnalysedTool): Pick<ToolPage, 'subtitle'> {
  const subtitle = tool.tool.title || tool.tool.annotations?.title;
  return subtitle ? { subtitle } : {};
}

export async function toolPage({ server, tool }: ToolView): Promise<ToolPage> {
  const name = tool.tool.name;
  const c = tool.classification;
  const questions = faq(server, tool);
  const attacks = attacksFor(tool, await getAttacks());
  return {
    title: `${name} · ${server.title}`,
    metaDescription: `${name} (${server.title}): ${categoryNoun(c.category)}, ${riskPhrase(c.risk)}. Signals, evidence and a recommended gateway policy you can copy.`,
    jsonLd: faqJsonLd(questions),
    name,
    ...subtitleOf(tool),
    server: {
      title: server.title,
      name: server.server.name,
      href: serverPath(server.slug),
      slug: server.slug,
      apiHref: serverApiPath(server.slug),
      toolCount: figure(server.tools.length),
    },
    ...classificationOf(tool),
    ...describedAs(tool),
    whatItDoes: whatItDoes(server, tool),
    why: whyItNeedsAPolicy(server, tool),
    ...definitionOf(tool),
    control: howToControl(server, tool),
    policy: policyOf(server, tool),
    attacks: attacks.map((a) => ({ href: attackPath(a.slug), title: a.data.title, summary: a.data.summary })),
    related: relatedOf(tool),
    faq: questions,
  };
}
