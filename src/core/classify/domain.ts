/**
 * A tool's domain: what it acts on, in its server's context. `pull_image` on a
 * container registry acts on container images, `generate_image` on a picture
 * model acts on pictures; the word is the same, the domain is not.
 */
import { actionOf } from './action.ts';
import { identifierWords, wordForms, wordSet } from './words.ts';

/** Words of a name that say how, not what: `get_file_by_id` acts on a file. */
const NOT_OBJECTS = wordSet(`
  by id ids for from to of in on at with and or all new the a an my me multiple many one info details detail
  data async sync batch bulk v1 v2 api mcp tool tools via using current latest default
`);

/**
 * Nouns whose meaning depends on the server: each reading is named by a context
 * pattern matched on the tool's and the server's descriptions; no match is the
 * first, everyday reading.
 */
const READINGS: Record<string, [string, RegExp][]> = {
  image: [
    ['container image', /\b(docker|containers?|registr(y|ies)|oci|podman|kubernetes|k8s|dockerfile|buildx|helm)\b/i],
    ['disk image', /\b(vms?|virtual machines?|snapshots? of (a|the) disk|ami|droplets?)\b/i],
  ],
  branch: [['database branch', /\b(database|postgres(ql)?|neon|supabase|planetscale|migrations?)\b/i]],
  model: [
    ['3d model', /\b(3d|blender|mesh(es)?|sketchfab|hyper3d|hunyuan3d)\b/i],
    ['data model', /\b(schema|orm|entity|dynamodb|data model(l)?ing)\b/i],
  ],
  volume: [['audio volume', /\b(audio|sound|speakers?|music|playback)\b/i]],
  token: [['crypto token', /\b(wallets?|erc-?20|blockchain|on-?chain|solana|ethereum|swap|spl)\b/i]],
  record: [['dns record', /\b(dns|zones?|domains?|nameservers?)\b/i]],
};

function singular(word: string): string {
  const forms = wordForms(word);
  // `images` → image, `policies` → policy; verbs were removed first, so only nouns are left.
  return word.length > 3 && !word.endsWith('ss') ? (forms.find((f) => f !== word && f.length > 2) ?? word) : word;
}

/**
 * The things a tool acts on: the words of its name but its action and helper
 * words, each read in context. Falls back to the name's words when nothing
 * is left (`fetch`).
 */
export function toolDomain(name: string, description: string, serverDescription = ''): string[] {
  const words = identifierWords(name);
  const action = actionOf(words);
  const nouns = words.filter((w, i) => i !== action?.index && !NOT_OBJECTS.has(w) && !/^\d/.test(w));
  const context = `${description} ${serverDescription}`;
  const domain = (nouns.length ? nouns : words).map(singular).map((noun) => {
    const reading = READINGS[noun]?.find(([, pattern]) => pattern.test(context));
    return reading ? reading[0] : noun;
  });
  return [...new Set(domain)];
}
