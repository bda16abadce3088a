import type { AliasTable } from '../ids.ts';

// Names, adjectives and demonyms beyond the ISO/ICU names, for the countries the product follows most
// closely: Russia and the former Soviet states, Afghanistan, Iran, Turkey, Pakistan, China, the US.
// Russian forms are written in the nominative (declension is generated); Arabic relative adjectives in
// the masculine (سوري also covers السورية, السوريين). An ethnonym that also names a minority elsewhere
// (Turkmen of Iraq, Azeris of Iran) or a word with a second common sense weighs less.
export const FOCUS_NAMES: AliasTable = {
  RU: {
    en: 'Russia|Russian@0.8|Russians|Russian Federation|RF@0',
    ru: 'Россия|РФ|Российская Федерация|российский|россиянин|россияне|россиян|россиянам|россиянами|россиянах|русский@0.5|Русь@0.5|Российская империя@0.5',
    ar: 'روسيا|روسي|الروس|الاتحاد الروسي|روسيا الاتحادية',
  },
  TJ: {
    en: 'Tajikistan|Tajik|Tajiks|Tajikistani|Tadjikistan',
    ru: 'Таджикистан|Таджикия|таджикский|таджикистанский|таджик|таджичка|таджикистанец',
    ar: 'طاجيكستان|طاجكستان|طاجيكي|طاجكي|الطاجيك|طاجيكستاني',
  },
  KZ: {
    en: 'Kazakhstan|Kazakh|Kazakhs|Kazakhstani|Qazaqstan',
    ru: 'Казахстан|казахстанский|казахский|казах|казахстанец|Казахская ССР',
    ar: 'كازاخستان|كازاخستاني|كازاخي|الكازاخ|قازاقستان|قازاخستان|قازاخي',
  },
  KG: {
    en: 'Kyrgyzstan|Kyrgyz|Kirghizia|Kirgizia|Kyrgyzstani|Kyrgyz Republic',
    ru: 'Киргизия|Кыргызстан|Киргизстан|киргизский|кыргызский|кыргызстанский|киргиз|Кыргызская Республика',
    ar: 'قيرغيزستان|قرغيزستان|كيرغيزستان|قيرغيزي|قرغيزي|القرغيز|قيرغيزيا',
  },
  UZ: {
    en: 'Uzbekistan|Uzbek|Uzbeks|Uzbekistani',
    ru: 'Узбекистан|узбекский|узбекистанский|узбек|узбечка',
    ar: 'أوزبكستان|اوزباكستان|أوزبكي|الأوزبك|أوزبكستاني',
  },
  TM: {
    en: 'Turkmenistan|Turkmenistani|Turkmen@0.6|Turkmens@0.6',
    ru: 'Туркмения|Туркменистан|туркменистанский|туркменский@0.7|туркмен@0.6',
    ar: 'تركمانستان|تركمنستان|تركمانستاني|تركماني@0.4|التركمان@0.4',
  },
  AF: {
    en: 'Afghanistan|Afghan|Afghans|Islamic Emirate of Afghanistan',
    ru: 'Афганистан|афганский|афганец@0.8',
    ar: 'أفغانستان|افغانستان|أفغاني|الأفغان',
  },
  IR: {
    en: 'Iran|Iranian|Iranians|Islamic Republic@0.5|Persia@0.5|Persian@0.3',
    ru: 'Иран|иранский|иранец|ИРИ|Исламская Республика@0.5|Персия@0.5|персидский@0.3',
    ar: 'إيران|ايران|إيراني|الجمهورية الإسلامية@0.5|الجمهورية الاسلامية الايرانية|فارسي@0.3',
  },
  TR: {
    en: 'Turkey|Turkish|Turks|Türkiye|Turkiye',
    ru: 'Турция|турецкий|турок|турки|Турецкая Республика',
    ar: 'تركيا|التركي|التركية|تركية|تركي@0.5|الأتراك|اتراك',
  },
  PK: { en: 'Pakistan|Pakistani|Pakistanis', ru: 'Пакистан|пакистанский|пакистанец', ar: 'باكستان|باكستاني' },
  CN: {
    en: "China|Chinese|PRC|People's Republic of China|Mainland China",
    ru: 'Китай|китайский|китаец|китайцы|КНР|Поднебесная@0.7',
    ar: 'الصين|صيني|الصينيين|جمهورية الصين الشعبية',
  },
  US: {
    en: 'US@0|U.S.@0|USA|United States|United States of America|America@0.8|American@0.9|Americans',
    ru: 'США|Соединённые Штаты|Соединённые Штаты Америки|Штаты@0.3|Америка@0.8|американский@0.9|американец',
    ar: 'الولايات المتحدة|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا@0.8|أميركا@0.8|أمريكي@0.9|أميركي@0.9|الأمريكان|الأميركان',
  },
  AZ: {
    en: 'Azerbaijan|Azerbaijani|Azerbaijanis|Azeri@0.7',
    ru: 'Азербайджан|азербайджанский|азербайджанец|Азербайджанская Республика',
    ar: 'أذربيجان|أذربيجاني|أذري@0.6',
  },
  AM: {
    en: 'Armenia|Armenian@0.8|Armenians@0.8',
    ru: 'Армения|армянский@0.8|армянин@0.8|армяне@0.8|армян@0.8',
    ar: 'أرمينيا|أرميني@0.8|الأرمن@0.8',
  },
  GE: {
    en: 'Georgia@0.5|Georgian@0.6|Georgians@0.6|South Ossetia|South Ossetian|Abkhazia|Abkhaz|Adjara',
    ru: 'Грузия|грузинский|грузин|Южная Осетия|южноосетинский|Абхазия|абхазский|Аджария',
    ar: 'جورجيا@0.6|جورجي@0.6|أبخازيا|أوسيتيا الجنوبية',
  },
  UA: {
    en: 'Ukraine|Ukrainian|Ukrainians|Donbas|Donbass',
    ru: 'Украина|украинский|украинец|украинка|Незалежная@0.7|Донбасс|донбасский',
    ar: 'أوكرانيا|اوكرانيا|أوكراني|دونباس',
  },
  BY: {
    en: 'Belarus|Belarusian|Belarusians|Byelorussia|Belorussia|Belarussian',
    ru: 'Белоруссия|Беларусь|белорусский|белорус|Республика Беларусь',
    ar: 'بيلاروسيا|بيلاروس|روسيا البيضاء|بيلاروسي',
  },
  MD: {
    en: 'Moldova|Moldovan|Moldavia|Transnistria|Transdniestria|Gagauzia',
    ru: 'Молдавия|Молдова|молдавский|молдаванин|молдаване|Приднестровье|приднестровский|Гагаузия',
    ar: 'مولدوفا|مولدافيا|مولدوفي|ترانسنيستريا|بريدنيستروفيه',
  },
  LV: { en: 'Latvia|Latvian', ru: 'Латвия|латвийский|латыш|латышский', ar: 'لاتفيا|لاتفي' },
  LT: { en: 'Lithuania|Lithuanian', ru: 'Литва|литовский|литовец', ar: 'ليتوانيا|ليتواني' },
  EE: { en: 'Estonia|Estonian', ru: 'Эстония|эстонский|эстонец', ar: 'إستونيا|استونيا|إستوني' },
};
