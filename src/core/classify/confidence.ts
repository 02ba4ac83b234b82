/**
 * How sure the classifier is of a category (docs/classification.md), with the reasons
 * a reader can check: where the action was found sets where confidence starts, and
 * the description, the annotations and the doubts raised on the way move it.
 */
import type { Reading } from './action.ts';

/**
 * Where the action was found sets where confidence starts: a name the description
 * confirms in words of its own is two cues; one cue alone stays lower.
 */
export const CONFIDENCE_BASE = {
  confirmed: 0.85,
  name: 0.75,
  description: 0.65,
  parameters: 0.45,
  annotations: 0.4,
  default: 0.3,
} as const;

/** What the annotations say beside the definition (see annotationAgreement and annotationConflicts). */
export interface AnnotationFindings {
  agree: string[];
  conflicts: string[];
  cautious: string[];
}

function startingPoint(reading: Reading): { confidence: number; reason: string } {
  return {
    confidence: reading.confirmed ? CONFIDENCE_BASE.confirmed : CONFIDENCE_BASE[reading.source],
    reason: {
      name: reading.confirmed
        ? 'its name says what it does, and its description confirms it'
        : 'its name says what it does',
      description: 'only its description says what it does',
      parameters: 'only its parameters hint at what it does',
      annotations: "only the server's annotations hint at what it does",
      default: 'nothing in it says what it does',
    }[reading.source],
  };
}

/**
 * The confidence in a reading, 0.05..0.98 in two decimals, and its reasons in order.
 * The steps add up in this order, which the figures depend on (floating point).
 */
export function confidenceOf(
  reading: Reading,
  description: string,
  { agree, conflicts, cautious }: AnnotationFindings,
): { confidence: number; reasons: string[] } {
  const start = startingPoint(reading);
  let confidence = start.confidence;
  const reasons = [start.reason];
  const trimmed = description.trim();
  if (trimmed.length === 0) {
    confidence -= 0.25;
    reasons.push('the description is empty');
  } else if (trimmed.length < 20) {
    confidence -= 0.1;
    reasons.push('the description is very short');
  }
  if (agree.length) {
    confidence += 0.05 * Math.min(2, agree.length);
    reasons.push(`annotations agree (${agree.join(', ')})`);
  }
  if (conflicts.length) {
    confidence -= 0.2;
    reasons.push('annotations contradict the definition');
  }
  for (const c of cautious) {
    confidence -= 0.1;
    reasons.push(`annotations are more cautious: ${c}`);
  }
  for (const d of reading.doubts) {
    confidence -= 0.15;
    reasons.push(d);
  }
  return { confidence: Math.round(Math.min(0.98, Math.max(0.05, confidence)) * 100) / 100, reasons };
}
