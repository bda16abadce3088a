import type { AliasTable } from '../ids.ts';

// Synonyms people type after /subscribe; the display name in locales/*.json counts as well.
export const TOPIC_ALIASES: AliasTable = {
  politics: { en: 'politics|political|policy|diplomacy|diplomatic|government|elections|election', ru: 'политика|политический|дипломатия|дипломатический|власть|выборы|правительство|госуправление', ar: 'سياسة|سياسي|السياسة|دبلوماسية|دبلوماسي|انتخابات|حكومة|الحكومة' },
  security: { en: 'security|defence|defense|military|terrorism|war|conflict|army|law enforcement', ru: 'безопасность|оборона|армия|военный|терроризм|война|конфликт|силовые структуры|силовики', ar: 'أمن|الأمن|أمني|دفاع|عسكري|إرهاب|جيش|حرب|نزاع' },
  economy: { en: 'economy|economic|economics|business|finance|financial|trade|markets|market', ru: 'экономика|экономический|бизнес|финансы|финансовый|торговля|рынки', ar: 'اقتصاد|الاقتصاد|اقتصادي|أعمال|مال|مالية|تجارة|أسواق' },
  energy: { en: 'energy|oil|gas|power|electricity|nuclear power|oil and gas', ru: 'энергетика|энергия|энергетический|нефть|газ|нефть и газ|электроэнергия', ar: 'طاقة|الطاقة|نفط|غاز|كهرباء|النفط والغاز' },
  culture: { en: 'culture|cultural|arts|art|entertainment|cinema|film|music|literature|heritage', ru: 'культура|культурный|искусство|кино|музыка|литература|наследие', ar: 'ثقافة|الثقافة|ثقافي|فن|فنون|سينما|موسيقى|أدب|تراث' },
  religion: { en: 'religion|religious|faith|islam|islamic|church|mosque', ru: 'религия|религиозный|вера|ислам|исламский|церковь|мечеть|православие', ar: 'دين|الدين|ديني|إسلام|إسلامي|مسجد|كنيسة|أوقاف|شؤون دينية' },
  education: { en: 'education|educational|schools|school|universities|university|students', ru: 'образование|образовательный|школа|школы|университет|вуз|студенты', ar: 'تعليم|التعليم|تعليمي|تربية|مدارس|جامعة|جامعات|طلاب' },
  technology: { en: 'technology|tech|technologies|science|sci-tech|internet|IT|digital|innovation|space', ru: 'технологии|технология|технологический|наука|наука и техника|техника|интернет|IT|цифровой|инновации|космос', ar: 'تكنولوجيا|التكنولوجيا|تقنية|تقني|علوم|إنترنت|رقمي|ابتكار|فضاء' },
  health: { en: 'health|healthcare|medicine|medical|disease|hospitals', ru: 'здоровье|здравоохранение|медицина|медицинский|болезни', ar: 'صحة|الصحة|صحي|طب|طبي|أمراض' },
  sports: { en: 'sports|sport|football|soccer|olympics|athletics', ru: 'спорт|спортивный|футбол|олимпиада', ar: 'رياضة|الرياضة|رياضي|كرة القدم|أولمبياد' },
  society: { en: 'society|social|community|people|life|lifestyle', ru: 'общество|общественный|социальный|жизнь|из жизни', ar: 'مجتمع|المجتمع|اجتماعي|مجتمعي|حياة' },
  environment: { en: 'environment|environmental|climate|ecology|nature|pollution', ru: 'экология|окружающая среда|экологический|климат|природа', ar: 'بيئة|البيئة|بيئي|مناخ|المناخ|تلوث' },
};
