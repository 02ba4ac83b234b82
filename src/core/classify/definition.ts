/**
 * A tool's definition as the classifier reads it (docs/classification.md): the
 * name as words, the description without invisible characters, the parameters,
 * the words around them, and the action the description names. Read once per tool;
 * every later step reads from it.
 */
import type { Category } from '../../schemas/taxonomy.ts';
import type { Tool } from '../../schemas/tool.ts';
import { descriptionAction, descriptionObject, type DescribedAction } from './action.ts';
import { surroundings, type Surroundings } from './context.ts';
import { READ_ONLY_PHRASES } from './lexicon.ts';
import { refine } from './refine.ts';
import { parametersOf, type Parameter } from './schema-walk.ts';
import { identifierWords, INVISIBLE_CHARACTERS } from './words.ts';

export const SQL_CONTEXT =
  /\b(sql|postgres(ql)?|mysql|sqlite|snowflake|bigquery|database|warehouse|clickhouse|redshift|duckdb|select statements?)\b/i;

export interface Definition {
  tool: Tool;
  nameWords: string[];
  /** The tool's description without invisible characters, which would split its words. */
  description: string;
  parameters: Parameter[];
  /** The input schema is deeper or larger than the classifier reads. */
  truncated: boolean;
  /** Is "query" SQL here? (the tool or its server talks about a database) */
  sqlContext: boolean;
  around: Surroundings;
  /** Where the description says the tool cannot change anything ("read-only"), if it does. */
  readOnly: RegExpExecArray | null;
  /** The description's first action, as the lexicon reads the word alone. */
  fromDescription?: DescribedAction | undefined;
  /** The same action re-read against its object, with no note: what a name's reading is compared with. */
  describedAs?: DescribedAction | undefined;
}

export function readDefinition(tool: Tool, serverDescription: string | undefined): Definition {
  const { parameters, truncated } = parametersOf(tool.inputSchema);
  const nameWords = identifierWords(tool.name);
  const sqlContext = SQL_CONTEXT.test(`${tool.name.replace(/_/g, ' ')} ${tool.description} ${serverDescription ?? ''}`);
  const description = tool.description.replace(INVISIBLE_CHARACTERS, '');
  const around = surroundings(
    nameWords,
    description,
    parameters,
    serverDescription ?? '',
    sqlContext,
    READ_ONLY_PHRASES.test(description),
  );
  const fromDescription = descriptionAction(description);
  const describedAs = fromDescription && {
    ...fromDescription,
    category: describedCategory(fromDescription, around),
  };
  const readOnly = READ_ONLY_PHRASES.exec(description);
  return {
    tool,
    nameWords,
    description,
    parameters,
    truncated,
    sqlContext,
    around,
    readOnly,
    fromDescription,
    describedAs,
  };
}

function describedCategory(action: DescribedAction, around: Surroundings): Category {
  return refine(action, descriptionObject(action), around)?.category ?? action.category;
}
