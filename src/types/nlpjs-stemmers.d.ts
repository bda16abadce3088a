// The Snowball stemmers of nlp.js (MIT), generated from the Snowball sources: only the protocol used here.
// innerStem() runs the algorithm on the current word, bypassing stemWord()'s unbounded per-instance cache.
declare module '@nlpjs/lang-ar' {
  export class StemmerAr {
    setCurrent(word: string): void;
    innerStem(): void;
    getCurrent(): string;
  }
}
declare module '@nlpjs/lang-ru' {
  export class StemmerRu {
    setCurrent(word: string): void;
    innerStem(): void;
    getCurrent(): string;
  }
}
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    setCurrent(word: string): void;
    innerStem(): void;
    getCurrent(): string;
  }
}
