/** Titles and introductions of the browse pages, with the URL of each of their pages. */
import { BASE_RISK } from '../core/classify/classifier.ts';
import { categoryPolicy } from '../core/policy/classes.ts';
import { CATEGORIES, CATEGORY_LABELS, RISK_LABELS, type Category, type Risk } from '../schemas/taxonomy.ts';
import { categoryPath, riskPath, toolListPath } from '../core/site/paths.ts';

const n = (count: number) => count.toLocaleString('en-US');

export function toolsListing(count: number) {
  return {
    title: 'All MCP tools',
    intro: `Every tool in the catalogue, with its category, risk class and risk signals.`,
    description: `${n(count)} MCP tools, each risk-classified from its own definition, riskiest first.`,
    crumbs: [{ label: 'Tools' }],
    href: toolListPath,
  };
}

/** What each category's tools do; the list page adds what the recommendation does with them. */
const CATEGORY_INTROS: Record<Category, string> = {
  read: 'Tools that read or look up data and change nothing.',
  write: 'Tools that create or change data.',
  execute: 'Tools that run code, commands, queries or workflows.',
  destructive: 'Tools that delete or irreversibly overwrite data or access.',
  financial: 'Tools that move money, charge or bill someone, or commit spend.',
};

function categoryIntro(category: Category): string {
  const risk = BASE_RISK[category];
  const raised = risk === 'critical' ? '' : ', or higher where a signal raises it';
  return `${CATEGORY_INTROS[category]} ${RISK_LABELS[risk]} risk${raised}: ${categoryPolicy(category)}.`;
}

export function categoryListing(category: Category, count: number) {
  return {
    title: `${CATEGORY_LABELS[category]} tools`,
    intro: categoryIntro(category),
    description: `${n(count)} MCP tools in the ${CATEGORY_LABELS[category].toLowerCase()} category, with their risk and a recommended policy.`,
    crumbs: [{ label: 'Tools', href: toolListPath() }, { label: CATEGORY_LABELS[category] }],
    href: (page: number) => categoryPath(category, page),
  };
}

export function riskListing(risk: Risk, count: number) {
  const from = CATEGORIES.filter((c) => BASE_RISK[c] === risk).map((c) => CATEGORY_LABELS[c].toLowerCase());
  const intro = `Tools classified ${RISK_LABELS[risk].toLowerCase()} risk${from.length ? `: ${from.join(' and ')} tools, and those a signal raised to this level` : ': tools a signal raised to this level'}.`;
  return {
    title: `${RISK_LABELS[risk]}-risk tools`,
    intro,
    description: `${n(count)} MCP tools of ${RISK_LABELS[risk].toLowerCase()} risk, with the evidence and a recommended policy for each.`,
    crumbs: [{ label: 'Tools', href: toolListPath() }, { label: `${RISK_LABELS[risk]} risk` }],
    href: (page: number) => riskPath(risk, page),
  };
}
