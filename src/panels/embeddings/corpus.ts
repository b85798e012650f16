/**
 * The text the panel trains on: a built-in corpus generated from seeded templates, or text the
 * learner pastes. Pure: no React, no DOM, no tfjs.
 *
 * The built-in corpus has structure an analogy can find. Each "target" word is a bundle of
 * attributes (king = royal + male + adult), and every sentence about it draws one context word
 * from the pool of each attribute ("wise king guards his crown"). So king and queen share the
 * royal and adult contexts and differ only in his/her, exactly as man and woman do: the
 * difference king − man is the royal-versus-common difference, and king − man + woman lands
 * near queen. Sentences are content words only, as if stop words had been removed.
 */
import { stream } from '../../lib/random/rng';

export interface Analogy {
  a: string;
  b: string;
  c: string;
  /** The word the corpus's structure implies for a − b + c. */
  expected: string;
}

/** Word groups: the plot colours targets by family and leaves context words grey. */
export type Family = 'people' | 'places' | 'verbs';

interface Template {
  family: Family;
  /** Target word → one pool per slot (an attribute's context words). */
  targets: Record<string, readonly (readonly string[])[]>;
  /** Where the target goes among the drawn slot words. */
  position: number;
}

const AGE = { adult: ['wise', 'old', 'tall'], young: ['little', 'young', 'small'] } as const;
const STATUS_VERB = { royal: ['rules', 'guards', 'visits'], common: ['works', 'cleans', 'sells'] } as const;
const STATUS_NOUN = { royal: ['palace', 'throne', 'crown'], common: ['farm', 'market', 'shop'] } as const;
const POSS = { male: ['his'], female: ['her'] } as const;
const person = (age: keyof typeof AGE, status: keyof typeof STATUS_VERB, gender: keyof typeof POSS) =>
  [AGE[age], STATUS_VERB[status], POSS[gender], STATUS_NOUN[status]] as const;

const TYPE = { country: ['country', 'nation', 'border'], city: ['city', 'streets', 'mayor'] } as const;
const NATION = {
  france: ['french', 'wine', 'cheese'],
  italy: ['italian', 'pasta', 'opera'],
  spain: ['spanish', 'paella', 'flamenco'],
  japan: ['japanese', 'sushi', 'anime'],
  egypt: ['egyptian', 'nile', 'pyramids'],
} as const;
const place = (type: keyof typeof TYPE, nation: keyof typeof NATION) => [NATION[nation], TYPE[type], NATION[nation]] as const;

const TENSE = { past: ['yesterday', 'ago', 'once'], present: ['today', 'now', 'often'] } as const;
const OBJECT = { walk: ['street', 'dog'], run: ['race', 'track'], swim: ['lake', 'pool'], sing: ['song', 'choir'] } as const;
const verb = (v: keyof typeof OBJECT, tense: keyof typeof TENSE) => [['we'], OBJECT[v], TENSE[tense]] as const;

const TEMPLATES: readonly Template[] = [
  {
    family: 'people',
    position: 1, // "wise king guards his crown"
    targets: {
      king: person('adult', 'royal', 'male'), queen: person('adult', 'royal', 'female'),
      prince: person('young', 'royal', 'male'), princess: person('young', 'royal', 'female'),
      man: person('adult', 'common', 'male'), woman: person('adult', 'common', 'female'),
      boy: person('young', 'common', 'male'), girl: person('young', 'common', 'female'),
    },
  },
  {
    family: 'places',
    position: 1, // "french paris city cheese"
    targets: {
      france: place('country', 'france'), paris: place('city', 'france'),
      italy: place('country', 'italy'), rome: place('city', 'italy'),
      spain: place('country', 'spain'), madrid: place('city', 'spain'),
      japan: place('country', 'japan'), tokyo: place('city', 'japan'),
      egypt: place('country', 'egypt'), cairo: place('city', 'egypt'),
    },
  },
  {
    family: 'verbs',
    position: 1, // "we swam lake yesterday"
    targets: {
      walk: verb('walk', 'present'), walked: verb('walk', 'past'),
      run: verb('run', 'present'), ran: verb('run', 'past'),
      swim: verb('swim', 'present'), swam: verb('swim', 'past'),
      sing: verb('sing', 'present'), sang: verb('sing', 'past'),
    },
  },
];

/** The analogies the built-in corpus is built to hold (the first is the panel's default). */
export const BUILT_IN_ANALOGIES: readonly Analogy[] = [
  { a: 'king', b: 'man', c: 'woman', expected: 'queen' },
  { a: 'paris', b: 'france', c: 'italy', expected: 'rome' },
  { a: 'walked', b: 'walk', c: 'swim', expected: 'swam' },
  { a: 'princess', b: 'girl', c: 'boy', expected: 'prince' },
];

/** Sentences per target word in the built-in corpus. */
export const SENTENCES_PER_WORD = 24;

/** The family of each target word of the built-in corpus. */
export const FAMILY: Readonly<Record<string, Family>> = Object.fromEntries(
  TEMPLATES.flatMap((t) => Object.keys(t.targets).map((w) => [w, t.family] as const)),
);

/**
 * The built-in corpus: SENTENCES_PER_WORD sentences per target word, each slot's word drawn
 * from its pool with stream(seed, 'corpus'), targets interleaved so no family comes in a block.
 */
export function builtInCorpus(seed: number): string[][] {
  const rng = stream(seed, 'corpus');
  const out: string[][] = [];
  for (let k = 0; k < SENTENCES_PER_WORD; k++)
    for (const t of TEMPLATES)
      for (const [w, pools] of Object.entries(t.targets)) {
        const words = pools.map((pool) => pool[rng.int(pool.length)]);
        words.splice(t.position, 0, w);
        out.push(words);
      }
  return out;
}

/** Longest pasted text used (characters); it rides in the link whole. */
export const MAX_TEXT = 2000;
/** Words seen fewer times than this are dropped from pasted text (too rare to learn). */
export const MIN_COUNT = 2;
/** Largest vocabulary kept from pasted text (the most frequent words). */
export const MAX_VOCAB = 300;

/**
 * Pasted text → sentences of lower-case words. Sentences end at . ! ? ; and line breaks; words
 * are runs of letters, digits and apostrophes. Everything else is dropped.
 */
export function splitText(text: string): string[][] {
  return text
    .slice(0, MAX_TEXT)
    .toLowerCase()
    .split(/[.!?;\n\r]+/u)
    .map((s) => s.match(/[\p{L}\p{N}'’]+/gu) ?? [])
    .filter((s) => s.length > 0);
}

export interface Corpus {
  /** Words, most frequent first (ties alphabetical). */
  vocab: string[];
  counts: number[];
  /** Sentences as word indices (out-of-vocabulary words removed). */
  sentences: Int32Array[];
  tokens: number;
}

/** Counts words, keeps those seen at least `minCount` times (at most `maxVocab`), and indexes the sentences. */
export function buildCorpus(sentences: string[][], minCount = 1, maxVocab = Infinity): Corpus {
  const count = new Map<string, number>();
  for (const s of sentences) for (const w of s) count.set(w, (count.get(w) ?? 0) + 1);
  const vocab = [...count.entries()]
    .filter(([, c]) => c >= minCount)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, maxVocab)
    .map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const idx = sentences.map((s) => Int32Array.from(s.flatMap((w) => (index.has(w) ? [index.get(w)!] : []))));
  return { vocab, counts: vocab.map((w) => count.get(w)!), sentences: idx.filter((s) => s.length > 0), tokens: idx.reduce((a, s) => a + s.length, 0) };
}

/** Every (center, context) pair within `window` words of each other, in corpus order. */
export function skipGramPairs(c: Corpus, window: number): { center: Int32Array; context: Int32Array } {
  const cs: number[] = [], os: number[] = [];
  for (const s of c.sentences)
    for (let i = 0; i < s.length; i++)
      for (let j = Math.max(0, i - window); j <= Math.min(s.length - 1, i + window); j++)
        if (j !== i) {
          cs.push(s[i]);
          os.push(s[j]);
        }
  return { center: Int32Array.from(cs), context: Int32Array.from(os) };
}
