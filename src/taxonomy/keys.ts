import { scriptOf, stem, tokenize } from '../text/normalize.ts';
import { russianForms } from './russian-forms.ts';

/**
 * 'detect' matches article text and prefers precision; 'resolve' matches what a person typed and also
 * accepts Snowball stems, so an odd Russian form still finds its region.
 */
export type KeyMode = 'detect' | 'resolve';

// Arabic writes و ف ب ك ل joined to the next word (and ل + ال as لل); every reading is tried.
const AR_PROCLITICS = ['وب', 'وك', 'ول', 'فب', 'فك', 'فل', 'و', 'ف', 'ب', 'ك', 'ل'];
// Relative adjectives (nisba) after normalize: سوريه, سوريين, سوريون … all fold to سوري.
const AR_NISBA = ['يتين', 'يتان', 'يين', 'يون', 'يان', 'يات', 'يه'];
const LAM_LAM = /^[وف]?لل(.{2,})$/;

// Snowball Arabic is not used for places: it strips letters that belong to the name (لبنان → نان,
// كابل → ابل, the stem of أبل "Apple"), so names would collide with common words.
function arabicKeys(token: string): string[] {
  const keys = new Set([token]);
  for (const p of AR_PROCLITICS) {
    if (token.startsWith(p) && token.length - p.length >= 3) keys.add(token.slice(p.length));
  }
  const lamLam = LAM_LAM.exec(token);
  if (lamLam?.[1]) keys.add('ال' + lamLam[1]);
  for (const k of [...keys]) if (k.startsWith('ال') && k.length >= 5) keys.add(k.slice(2));
  for (const k of [...keys]) {
    const suffix = AR_NISBA.find((s) => k.endsWith(s) && k.length - s.length >= 3);
    if (suffix) keys.add(k.slice(0, -suffix.length) + 'ي');
  }
  return [...keys];
}

function englishKey(token: string): string {
  return stem(token.replace(/’/g, "'"));
}

/** Keys one normalized word of running text (or of typed input) may match. */
export function tokenKeys(token: string, mode: KeyMode): string[] {
  switch (scriptOf(token)) {
    case 'ar':
      return arabicKeys(token);
    case 'ru':
      return mode === 'detect' ? [token] : [...new Set([token, stem(token)])];
    default:
      return [englishKey(token)];
  }
}

/** The key sequences an alias, as written in the data, stands for: one per inflected form. */
export function aliasKeySequences(phrase: string, mode: KeyMode, exact = false): string[][] {
  switch (scriptOf(phrase)) {
    case 'ar':
      return [tokenize(phrase)];
    case 'ru': {
      const written = tokenize(phrase);
      const forms = exact ? [written] : russianForms(phrase).map((f) => f.split(' '));
      // Stems of the written form only: a fallback for what a person types, not for article text.
      if (mode === 'resolve') forms.push(written.map(stem));
      return forms;
    }
    default:
      return [tokenize(phrase).map(englishKey)];
  }
}
