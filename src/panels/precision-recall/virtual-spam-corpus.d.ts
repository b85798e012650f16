/** The compact spam corpus served by spamCorpus.vite.ts (see spamCodec.ts for the format). */
declare module 'virtual:spam-corpus' {
  export const source: string;
  export const vocab: string[];
  export const emails: string;
}
