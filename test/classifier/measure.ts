/**
 * Measures the classifier against a labelled table: accuracy per category, financial
 * recall and precision, the confusion matrix, and how many wrong answers were confident.
 * Used by the classifier's tests and by `npm run bench:classify`.
 */
import { classifyTool, type Classification } from '../../src/core/classify/classifier.ts';
import { CATEGORIES, type Category } from '../../src/schemas/taxonomy.ts';
import { toolSchema } from '../../src/schemas/tool.ts';
import type { LabeledTool } from './labels.ts';

/** A wrong answer at or above this confidence is a confident mistake (the measure). */
export const CONFIDENT = 0.8;

export function classifyLabelled(l: LabeledTool): Classification {
  const tool = toolSchema.parse({
    name: l.name,
    description: l.description,
    inputSchema: { type: 'object', properties: l.params ?? {}, required: l.required ?? [] },
    ...(l.outputSchema ? { outputSchema: l.outputSchema } : {}),
    ...(l.annotations ? { annotations: l.annotations } : {}),
  });
  return classifyTool(tool, l.server ? { serverDescription: l.server } : {});
}

export interface LabelledResult {
  label: LabeledTool;
  result: Classification;
}

export interface Measurement {
  results: LabelledResult[];
  wrong: LabelledResult[];
  accuracy: number;
  /** Per expected category: how many, how many right. */
  perCategory: Record<Category, { total: number; right: number }>;
  /** confusion[expected][got]. */
  confusion: Record<Category, Record<Category, number>>;
  financial: { recall: number; precision: number };
  confidentWrong: LabelledResult[];
  /** Rows that say which signals a tool has or lacks, and those whose signals are otherwise. */
  signalRows: LabelledResult[];
  signalsWrong: { label: LabeledTool; missing: string[]; unexpected: string[] }[];
}

/** Where a row's signals differ from what it labels: signals missing, and signals it should not have. */
function signalDifference({ label, result }: LabelledResult) {
  const ids = new Set(result.signals.map((s) => s.id));
  return {
    label,
    missing: (label.signals?.has ?? []).filter((id) => !ids.has(id)),
    unexpected: (label.signals?.lacks ?? []).filter((id) => ids.has(id)),
  };
}

export function measure(labels: readonly LabeledTool[]): Measurement {
  const results = labels.map((label) => ({ label, result: classifyLabelled(label) }));
  const wrong = results.filter((r) => r.result.category !== r.label.expected);
  const zero = () => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const confusion = Object.fromEntries(CATEGORIES.map((c) => [c, zero()])) as Measurement['confusion'];
  for (const { label, result } of results) confusion[label.expected][result.category]++;
  const perCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, { total: CATEGORIES.reduce((n, g) => n + confusion[c][g], 0), right: confusion[c][c] }]),
  ) as Measurement['perCategory'];
  const saidFinancial = CATEGORIES.reduce((n, e) => n + confusion[e].financial, 0);
  return {
    results,
    wrong,
    accuracy: results.length ? (results.length - wrong.length) / results.length : 1,
    perCategory,
    confusion,
    financial: {
      recall: perCategory.financial.total ? perCategory.financial.right / perCategory.financial.total : 1,
      precision: saidFinancial ? confusion.financial.financial / saidFinancial : 1,
    },
    confidentWrong: wrong.filter((r) => r.result.confidence >= CONFIDENT),
    signalRows: results.filter((r) => r.label.signals),
    signalsWrong: results
      .filter((r) => r.label.signals)
      .map(signalDifference)
      .filter((d) => d.missing.length || d.unexpected.length),
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The measurement as the lines `npm run bench:classify` prints. */
export function report(m: Measurement, { listWrong = false } = {}): string[] {
  const lines = [
    `accuracy: ${percent(m.accuracy)} (${m.results.length - m.wrong.length} of ${m.results.length})`,
    ...CATEGORIES.map(
      (c) =>
        `  ${c.padEnd(12)} ${percent(m.perCategory[c].total ? m.perCategory[c].right / m.perCategory[c].total : 1).padStart(7)} (${m.perCategory[c].right} of ${m.perCategory[c].total})`,
    ),
    `financial: recall ${percent(m.financial.recall)}, precision ${percent(m.financial.precision)}`,
    `wrong with confidence >= ${CONFIDENT}: ${m.confidentWrong.length} (${percent(m.confidentWrong.length / Math.max(1, m.results.length))} of all tools)`,
    `signals as labelled: ${m.signalRows.length - m.signalsWrong.length} of ${m.signalRows.length} rows that label them`,
    `confusion (rows: labelled, columns: classified):`,
    `  ${''.padEnd(12)} ${CATEGORIES.map((c) => c.slice(0, 11).padStart(11)).join(' ')}`,
    ...CATEGORIES.map(
      (e) => `  ${e.padEnd(12)} ${CATEGORIES.map((g) => String(m.confusion[e][g]).padStart(11)).join(' ')}`,
    ),
  ];
  if (listWrong) {
    for (const { label, result } of m.wrong)
      lines.push(
        `  wrong: ${label.name} — labelled ${label.expected}, classified ${result.category} (${result.confidence})`,
      );
    for (const { label, missing, unexpected } of m.signalsWrong)
      lines.push(`  signals: ${label.name} — missing [${missing.join(', ')}], unexpected [${unexpected.join(', ')}]`);
  }
  return lines;
}
