// Russian place names are matched against the forms they take in running text rather than against
// Snowball stems: the stemmer folds Грузия into груз (cargo), Чехия into Чехов and Киев into ки, and
// stems nominative and genitive differently (Таджикистан → таджикиста, Таджикистане → таджикистан).
// Generating the case forms of each alias is exact, and over-generation only adds strings nobody writes.

// Six cases, singular then plural: nominative, genitive, dative, accusative, instrumental, prepositional.
const SLOTS = 12;
type Paradigm = readonly (readonly string[])[];

const p = (spec: string): Paradigm => spec.split(' ').map((slot) => slot.split('|').map((e) => (e === '0' ? '' : e)));

const NOUN: Record<string, Paradigm> = {
  // Place names have no plural, and plural forms of feminine names collide with common words
  // (Сана → сан "rank", Газа → газ): these classes decline in the singular only.
  ия: p('ия ии ии ию ией ии'),
  ья: p('ья ьи ье ью ьей ье'),
  я: p('я и е ю ей|ею е'),
  а: p('а ы|и е у ой|ою е'),
  ь: p('ь я|и ю|и ь ем|ью е|и'),
  й: p('й я ю й ем е'),
  ье: p('ье ья ью ье ьем ье'),
  ец: p('ец ца цу ец цем це цы цев цам цы цами цах'),
  ы: p('ы 0 ам ы ами ах ы 0 ам ы ами ах'),
  // Demonyms (таджик → таджиков) need the plural; capitalized names do not, and their plurals are
  // surnames (Ливан → Ливанов, the minister).
  '': p('0 а у 0 ом е ы|и ов|ей ам ы|и ами ах'),
  proper: p('0 а у 0 ом е'),
};

const ADJECTIVE: Record<string, Paradigm> = {
  masc: p('ый|ий|ой ого|его ому|ему ый|ий|ого ым|им ом|ем ые|ие ых|их ым|им ые|ие ыми|ими ых|их'),
  fem: p('ая|яя ой|ей ой|ей ую|юю ой|ою|ей ой|ей ые|ие ых|их ым|им ые|ие ыми|ими ых|их'),
  neut: p('ое|ее ого|его ому|ему ое|ее ым|им ом|ем ые|ие ых|их ым|им ые|ие ыми|ими ых|их'),
};
const ALL_GENDERS: Paradigm = Array.from({ length: SLOTS }, (_, i) => [
  ...new Set([ADJECTIVE.masc, ADJECTIVE.fem, ADJECTIVE.neut].flatMap((a) => a?.[i] ?? [])),
]);

// Also foreign names ending in a vowel + а (Самоа, Никарагуа): declining them yields самой, самое.
const INDECLINABLE = /[оеиуюэ]$|[аеиоуыэюя]а$/;

function adjectiveParadigm(word: string, phraseLength: number): { base: string; paradigm: Paradigm } | undefined {
  const m = /^(.{3,})(ый|ий|ой|ая|яя|ое|ее|ые|ие)$/.exec(word);
  if (!m?.[1] || !m[2]) return undefined;
  const ending = m[2];
  // A lone adjective alias ("таджикский") stands for every gender; inside a name it agrees with its noun.
  if (phraseLength === 1) return { base: m[1], paradigm: ALL_GENDERS };
  if (ending === 'ая' || ending === 'яя') return { base: m[1], paradigm: ADJECTIVE.fem! };
  if (ending === 'ое' || ending === 'ее') return { base: m[1], paradigm: ADJECTIVE.neut! };
  if (ending === 'ые' || ending === 'ие') return { base: m[1], paradigm: ADJECTIVE.masc!.map((_, i) => ADJECTIVE.masc![i < 6 ? i + 6 : i]!) };
  return { base: m[1], paradigm: ADJECTIVE.masc! };
}

/** Every form of one lower-case word, slot by slot (each slot holds one or more spellings). */
function wordSlots(word: string, phraseLength: number, proper: boolean): string[][] {
  const same = () => Array.from({ length: SLOTS }, () => [word]);
  if (word.length <= 2 || /[^а-яё'’]/.test(word)) return same();
  const slots: string[][] = Array.from({ length: SLOTS }, () => []);
  const add = (base: string, paradigm: Paradigm) =>
    paradigm.forEach((endings, i) => slots[i]?.push(...endings.map((e) => base + e)));
  const adjective = adjectiveParadigm(word, phraseLength);
  if (adjective) add(adjective.base, adjective.paradigm);
  if (!adjective || word.endsWith('ий')) {
    if (word.endsWith('ы')) add(word.slice(0, -1), NOUN.ы!);
    else if (word.endsWith('ье')) add(word.slice(0, -2), NOUN.ье!);
    else if (INDECLINABLE.test(word)) return same();
    else if (word.endsWith('ия')) add(word.slice(0, -2), NOUN.ия!);
    else if (word.endsWith('ья')) add(word.slice(0, -2), NOUN.ья!);
    else if (word.endsWith('я')) add(word.slice(0, -1), NOUN.я!);
    else if (word.endsWith('а')) add(word.slice(0, -1), NOUN.а!);
    else if (word.endsWith('ь')) add(word.slice(0, -1), NOUN.ь!);
    else if (word.endsWith('й')) add(word.slice(0, -1), NOUN.й!);
    else if (word.endsWith('ец')) add(word.slice(0, -2), NOUN.ец!);
    else add(word, proper ? NOUN.proper! : NOUN['']!);
  }
  // The written form always counts, in every slot: in "Республика Корея" only the head noun declines.
  for (const s of slots) if (!s.includes(word)) s.push(word);
  return slots.map((s) => [...new Set(s)]);
}

/** Lower-cases and folds as normalize() does for Cyrillic (ё → е, й → и), without its general passes. */
function foldCyrillic(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е').replace(/й/g, 'и');
}

/**
 * The forms a Russian alias takes in running text, normalized and space-joined, e.g. "Северная Осетия"
 * → "северная осетия", "севернои осетии", … Each word may decline or stay as written, so apposition
 * ("в Республике Корея") and names declining throughout ("Ивана Грозного") are both covered.
 */
export function russianForms(phrase: string): string[] {
  const words = phrase
    .split(/[\s\-‐–—]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  if (words.length === 0) return [];
  const perWord = words.map((w) =>
    // Acronyms (США, КНДР, ОАЭ) do not decline.
    w.length > 1 && w === w.toUpperCase()
      ? Array.from({ length: SLOTS }, () => [foldCyrillic(w)])
      : wordSlots(w.toLowerCase(), words.length, w[0] !== w[0]?.toLowerCase()).map((forms) => [...new Set(forms.map(foldCyrillic))]),
  );
  const out = new Set<string>();
  const build = (slot: number, i: number, prefix: string) => {
    if (i === perWord.length) {
      out.add(prefix);
      return;
    }
    for (const form of perWord[i]![slot]!) build(slot, i + 1, i === 0 ? form : `${prefix} ${form}`);
  };
  for (let slot = 0; slot < SLOTS; slot++) build(slot, 0, '');
  return [...out];
}
