import { normalize } from '../text/normalize.ts';

/**
 * Word lists and line patterns the summarizer uses in ar/ru/en: stopwords (function words make every
 * pair of sentences look alike), and the shapes of lines that are not news (bylines, credits,
 * "Read more", datelines, captions). Kept small on purpose; the lists are normalized like `tokenize`
 * output so that lookups need no further folding.
 */

const EN = `a an the and or but if then than so as of in on at to for from by with without about into over
under after before between through during against among up down out off again further once here there
when where why how all any both each few more most other some such no nor not only own same too very
can will just should now is are was were be been being have has had having do does did doing would could
may might must shall i me my we our us you your he him his she her it its they them their this that these
those who whom which what said says say also one two new mr mrs ms year years it's according told last
first since while like get got make made many much per cent percent there's he's she's`;

const RU = `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне
было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас
нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем
была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем
ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два
об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем
хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это также
этих которые который которая которых которой котором году года год заявил сообщил сообщает отметил
словам её ещё время очень свой своей своих`;

// Modern Standard Arabic plus the commonest Moroccan Darija function words (ديال، اللي، هاد…).
const AR = `في من على إلى الى عن مع أن ان إن لا ما لم لن هذا هذه ذلك تلك التي الذي الذين اللذين كان كانت
يكون تكون قد و أو او ثم بل لكن حتى كما بعد قبل بين عند منذ خلال حول ضد دون غير كل بعض أي اي هو هي هم
هن نحن أنا انت أنت وقال قال قالت وقالت أيضا ايضا إنه انه إنها انها له لها لهم فيه فيها عليه عليها منه
منها به بها وفي ومن وعلى وأن وان ولا وما ولم هناك هنا أكثر اكثر أمس اليوم عام العام وكان وكانت يوم لقد
وقد أما اما إذا اذا لو وهو وهي التى الذى فى لدى أمام امام ذات مثل سوف فقط يتم تم وذلك ديال اللي لي
واش باش فهاد هاد`;

const STOPWORDS: ReadonlySet<string> = new Set(
  [EN, RU, AR].flatMap((list) => list.split(/\s+/)).filter(Boolean).map(normalize),
);

/** Stopwords of ar, ru and en together: articles mix scripts, and the lists do not collide. */
export function summaryStopwords(): ReadonlySet<string> {
  return STOPWORDS;
}

// Openings of lines that are not part of the story: bylines, credits, sources, "Read more", ads.
const BOILERPLATE_OPENINGS = [
  'scroll down', 'watch the video', 'by', 'photo', 'photos', 'image', 'video', 'picture', 'credit', 'source',
  'copyright', '©', 'read more', 'see also', 'related', 'advertisement', 'follow us', 'subscribe', 'click here',
  'share this', 'published', 'updated', 'last updated',
  'фото', 'видео', 'источник', 'читайте также', 'смотрите также', 'подробнее', 'реклама', 'автор', 'подписывайтесь',
  'المصدر', 'مصدر الصورة', 'صورة', 'الصورة', 'اقرأ أيضا', 'اقرأ أيضاً', 'شاهد أيضا', 'تابعونا', 'بقلم', 'كتب', 'تصوير',
];
const CREDITS = ['getty images', 'ap photo', 'afp/', 'reuters/', '/reuters', 'shutterstock', 'all rights reserved'];
const CAPTION_MARKS = ['pictured', 'file photo', 'seen here', 'above, ', 'below, ', 'на фото', 'на снимке', 'في الصورة'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// Matched against `normalize`d sentences (lower case, Arabic letter variants folded), hence no /i.
const OPENING = new RegExp(`^(?:${BOILERPLATE_OPENINGS.map((w) => escape(normalize(w))).join('|')})(?![\\p{L}\\p{N}])`, 'u');
const NORMALIZED_CREDITS = CREDITS.map(normalize);
const NORMALIZED_CAPTIONS = CAPTION_MARKS.map(normalize);
const CAPTION_POSITION = /\((?:left|right|centre|center|top|bottom|above|below|inset)\)/;

/**
 * Whether a normalized sentence of `words` words is a byline, credit, source line, "Read more" or
 * the like. Such lines are short; a long sentence that starts with "By" or "Video" is news.
 */
export function isBoilerplate(normalized: string, words: number): boolean {
  if (words > 25) return false;
  return (words <= 12 && OPENING.test(normalized)) || NORMALIZED_CREDITS.some((c) => normalized.includes(c));
}

/** Whether a normalized sentence reads like a photo caption (they restate the story next to a picture). */
export function isCaption(normalized: string): boolean {
  return NORMALIZED_CAPTIONS.some((c) => normalized.includes(c)) || CAPTION_POSITION.test(normalized);
}

const AGENCIES =
  'CNN|Reuters|AP|AFP|BBC|Bloomberg|UPI|EFE|ANSA|dpa|Xinhua|Sputnik|TASS|ТАСС|РИА Новости|Интерфакс|رويترز|أ ف ب|واس|وام|قنا|كونا';

/**
 * A dateline or byline at the start of a sentence: "MOSCOW, Jan 5 (Reuters) -", "دبي، الإمارات
 * العربية المتحدة (CNN)--", "(The Hollywood Reporter)", "LONDON —", "Name///".
 */
export const DATELINE = new RegExp(
  [
    `^[^.!?؟\\n()]{0,60}?\\((?:${AGENCIES})\\)\\s*(?:[-–—:]+\\s*)?`,
    /^\((?:The )?[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3}\)\s*(?:[-–—]+\s*)?/u.source,
    /^\p{Lu}[\p{Lu}\s,.]{2,40}\s[-–—]+\s/u.source,
    /^[^.!?؟\n]{2,40}?\/{2,}\s*/u.source,
  ].join('|'),
  'u',
);

/** A sentence that is nothing but a dateline: "МОСКВА, 5 марта.", "LONDON, May 3 — Reuters." */
export const DATELINE_ONLY = /^\p{Lu}{2,}[\p{Lu}\s-]*,\s*(?:\d{1,2}\s+\p{L}+|\p{L}+\.?\s+\d{1,2})\.?(?:\s*[-–—]\s*[\p{L} ]{2,20}\.?)?$/u;
