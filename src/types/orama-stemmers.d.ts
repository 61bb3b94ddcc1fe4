// @orama/stemmers publishes its languages as package exports, which this project's "node" module resolution
// does not read for types; Node resolves them at run time.
declare module '@orama/stemmers/swedish' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
}
declare module '@orama/stopwords/swedish' {
  export const stopwords: string[];
}
declare module '@orama/stopwords/english' {
  export const stopwords: string[];
}
