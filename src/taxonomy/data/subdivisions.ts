import type { AliasTable } from '../ids.ts';

/** Russia's republics (ISO 3166-2:RU), plus Crimea under the code Russia uses for it, RU-CR. */
export const RU_REPUBLICS = [
  'RU-AD', 'RU-AL', 'RU-BA', 'RU-BU', 'RU-CE', 'RU-CR', 'RU-CU', 'RU-DA', 'RU-IN', 'RU-KB', 'RU-KC',
  'RU-KK', 'RU-KL', 'RU-KO', 'RU-KR', 'RU-ME', 'RU-MO', 'RU-SA', 'RU-SE', 'RU-TA', 'RU-TY', 'RU-UD',
] as const;

// Names and adjectives; the localized display name of each comes from locales/*.json and counts too.
// Ethnonyms weigh less than names: Tatars, Chechens or Ossetians live and make news well beyond their
// republic (Crimean Tatars, South Ossetia).
export const SUBDIVISION_ALIASES: AliasTable = {
  'RU-AD': { en: 'Adygea|Adygeya|Adyghe Republic|Adyghe@0.6', ru: 'Адыгея|Республика Адыгея|адыгейский|адыгейцы@0.6|адыги@0.6', ar: 'أديغيا|أديغييا|جمهورية أديغيا' },
  'RU-AL': { en: 'Altai Republic|Gorno-Altai', ru: 'Республика Алтай|Горный Алтай', ar: 'جمهورية ألتاي|جمهورية الطاي' },
  'RU-BA': { en: 'Bashkortostan|Bashkiria|Bashkir|Bashkirs', ru: 'Башкортостан|Башкирия|башкирский|башкортостанский|башкиры@0.6|башкир@0.6', ar: 'باشكورتوستان|بشكورتوستان|باشكيريا|بشكيريا|باشكيري|بشكيري' },
  'RU-BU': { en: 'Buryatia|Buryat|Buryats', ru: 'Бурятия|бурятский|буряты@0.6', ar: 'بورياتيا|بوريات|بورياتي' },
  'RU-CE': { en: 'Chechnya|Chechen Republic|Chechen|Chechens|Ichkeria', ru: 'Чечня|Чеченская Республика|Чечено-Ингушетия|чеченский|чеченцы@0.8|чеченец@0.8|Ичкерия', ar: 'الشيشان|جمهورية الشيشان|شيشاني|الشيشانيين|إيشكيريا' },
  'RU-CR': { en: 'Crimea|Crimean|Republic of Crimea', ru: 'Крым|Республика Крым|крымский|крымчане', ar: 'القرم|شبه جزيرة القرم|جزيرة القرم|جمهورية القرم|قرمي' },
  'RU-CU': { en: 'Chuvashia|Chuvash', ru: 'Чувашия|чувашский|чуваши@0.6', ar: 'تشوفاشيا|جمهورية تشوفاشيا|تشوفاشي' },
  'RU-DA': { en: 'Dagestan|Daghestan|Dagestani', ru: 'Дагестан|дагестанский|дагестанцы|дагестанец', ar: 'داغستان|داغستاني|الداغستان' },
  'RU-IN': { en: 'Ingushetia|Ingush', ru: 'Ингушетия|ингушский|ингуши@0.8', ar: 'إنغوشيا|انغوشيتيا|إنغوشيتيا|أنغوشيا|إنغوشي' },
  'RU-KB': { en: 'Kabardino-Balkaria|Kabardino-Balkarian|Kabarda@0.6', ru: 'Кабардино-Балкария|кабардино-балкарский|КБР', ar: 'قبردينو بلقاريا|قباردينو بلقاريا|كاباردينو بلقاريا|قبردينو-بلقاريا' },
  'RU-KC': { en: 'Karachay-Cherkessia|Karachayevo-Cherkessia|Karachay-Cherkess', ru: 'Карачаево-Черкесия|карачаево-черкесский|КЧР', ar: 'قراتشاي تشيركيسيا|قره تشاي تشركيسيا|كاراتشاي تشيركيسيا|قراتشاي-تشيركيسيا' },
  'RU-KK': { en: 'Khakassia|Khakas', ru: 'Хакасия|хакасский', ar: 'خاكاسيا|خكاسيا' },
  'RU-KL': { en: 'Kalmykia|Kalmyk|Kalmyks', ru: 'Калмыкия|калмыцкий|калмыки@0.6', ar: 'كالميكيا|قلموقيا|كالميكي' },
  'RU-KO': { en: 'Komi Republic|Komi', ru: 'Республика Коми|Коми|коми-пермяцкий@0', ar: 'جمهورية كومي|كومي@0' },
  'RU-KR': { en: 'Karelia|Karelian|Republic of Karelia', ru: 'Карелия|карельский', ar: 'كاريليا|كاريلي' },
  'RU-ME': { en: 'Mari El|Mari Republic', ru: 'Марий Эл|Республика Марий Эл|марийский', ar: 'ماري إل|ماري ايل|جمهورية ماري' },
  'RU-MO': { en: 'Mordovia|Mordovian', ru: 'Мордовия|мордовский', ar: 'موردوفيا|موردوفي' },
  'RU-SA': { en: 'Sakha|Yakutia|Sakha Republic|Yakut', ru: 'Якутия|Саха|Республика Саха|якутский', ar: 'ياقوتيا|ياكوتيا|جمهورية ساخا|ساخا' },
  'RU-SE': { en: 'North Ossetia|North Ossetia-Alania|Alania@0.6|North Ossetian', ru: 'Северная Осетия|Северная Осетия — Алания|североосетинский|Алания@0.6|Осетия@0.5', ar: 'أوسيتيا الشمالية|اوسيتيا الشمالية|أوسيتيا الشمالية ألانيا|أوسيتيا@0.5' },
  'RU-TA': { en: 'Tatarstan|Tatar@0.6|Tatars@0.6', ru: 'Татарстан|Татария|татарстанский|татарский@0.6|татары@0.6|татарин@0.6', ar: 'تتارستان|تاتارستان|جمهورية تتارستان|تتاري@0.6|التتار@0.6' },
  'RU-TY': { en: 'Tuva|Tyva|Tuvan', ru: 'Тыва|Тува|Республика Тыва|тувинский', ar: 'توفا|تيفا|جمهورية توفا' },
  'RU-UD': { en: 'Udmurtia|Udmurt', ru: 'Удмуртия|удмуртский', ar: 'أودمورتيا|اودمورتيا|أدمورتيا' },
};
