import type { AliasTable } from '../ids.ts';

// The Arab world, Israel and Palestine, Cyprus. Same conventions as names-focus.ts.
export const MENA_NAMES: AliasTable = {
  EG: { en: 'Egypt|Egyptian|Egyptians', ru: 'Египет|египетский|египтянин|египтяне|египтян|АРЕ', ar: 'مصر|مصري|المصريين|جمهورية مصر العربية' },
  SA: {
    en: 'Saudi Arabia|Saudi|Saudis|KSA|Kingdom of Saudi Arabia',
    ru: 'Саудовская Аравия|саудовский|саудит@0.8|КСА|Королевство Саудовская Аравия',
    ar: 'السعودية|سعودي|المملكة العربية السعودية|المملكة السعودية',
  },
  AE: {
    en: 'United Arab Emirates|UAE|Emirati|Emiratis|Emirates@0.7',
    ru: 'Объединённые Арабские Эмираты|ОАЭ|эмиратский|Эмираты@0.7',
    ar: 'الإمارات|الإمارات العربية المتحدة|إماراتي|دولة الإمارات',
  },
  QA: { en: 'Qatar|Qatari|Qataris', ru: 'Катар|катарский', ar: 'قطر|قطري|دولة قطر' },
  KW: { en: 'Kuwait|Kuwaiti|Kuwaitis', ru: 'Кувейт|кувейтский', ar: 'الكويت|كويتي|دولة الكويت' },
  BH: { en: 'Bahrain|Bahraini|Bahrainis', ru: 'Бахрейн|бахрейнский', ar: 'البحرين|بحريني|مملكة البحرين' },
  OM: { en: 'Oman|Omani|Omanis|Sultanate of Oman', ru: 'Оман|оманский|Султанат Оман', ar: 'عمان@0.6|سلطنة عمان|عماني@0.6|العماني@0.6' },
  YE: { en: 'Yemen|Yemeni|Yemenis', ru: 'Йемен|йеменский|йеменец', ar: 'اليمن|يمني|اليمنيين|الجمهورية اليمنية' },
  IQ: { en: 'Iraq|Iraqi|Iraqis|Iraqi Kurdistan', ru: 'Ирак|иракский|иракец|Иракский Курдистан', ar: 'العراق|عراقي|العراقيين|إقليم كردستان|كردستان العراق' },
  SY: { en: 'Syria|Syrian|Syrians', ru: 'Сирия|сирийский|сириец|Сирийская Арабская Республика', ar: 'سوريا|سورية|سوري|السوريين|الجمهورية العربية السورية' },
  JO: { en: 'Jordan@0.5|Jordanian|Jordanians|Hashemite Kingdom', ru: 'Иордания|иорданский|иорданец', ar: 'الأردن|أردني|المملكة الأردنية الهاشمية|المملكة الأردنية' },
  LB: { en: 'Lebanon|Lebanese', ru: 'Ливан|ливанский|ливанец', ar: 'لبنان|لبناني|اللبنانيين' },
  IL: {
    en: 'Israel|Israeli|Israelis|Jewish state@0.6',
    ru: 'Израиль|израильский|израильтянин|израильтяне|израильтян|еврейское государство@0.6',
    ar: 'إسرائيل|اسرائيل|إسرائيلي|الإسرائيليين|دولة الاحتلال@0.8|قوات الاحتلال@0.7|جيش الاحتلال@0.7|سلطات الاحتلال@0.7',
  },
  PS: {
    en: 'Palestine|Palestinian|Palestinians|Palestinian territories|Palestinian Authority|West Bank|Gaza Strip',
    ru: 'Палестина|палестинский|палестинец|Палестинская автономия|Палестинские территории|Западный берег|Западный берег реки Иордан|Сектор Газа',
    ar: 'فلسطين|فلسطيني|الفلسطينيين|الأراضي الفلسطينية|السلطة الفلسطينية|الضفة الغربية|قطاع غزة|دولة فلسطين',
  },
  LY: { en: 'Libya|Libyan|Libyans', ru: 'Ливия|ливийский|ливиец', ar: 'ليبيا|ليبي|الليبيين' },
  TN: { en: 'Tunisia|Tunisian|Tunisians', ru: 'Тунис|тунисский|тунисец', ar: 'تونس|تونسي|التونسيين|الجمهورية التونسية' },
  DZ: { en: 'Algeria|Algerian|Algerians', ru: 'Алжир|алжирский|алжирец', ar: 'الجزائر|جزائري|الجزائريين' },
  MA: { en: 'Morocco|Moroccan|Moroccans', ru: 'Марокко|марокканский|марокканец', ar: 'المغرب|مغربي|المغاربة|المملكة المغربية' },
  SD: { en: 'Sudan|Sudanese', ru: 'Судан|суданский', ar: 'السودان|سوداني|السودانيين' },
  SS: { en: 'South Sudan|South Sudanese', ru: 'Южный Судан|южносуданский', ar: 'جنوب السودان|دولة جنوب السودان' },
  MR: { en: 'Mauritania|Mauritanian', ru: 'Мавритания|мавританский', ar: 'موريتانيا|موريتاني' },
  EH: { en: 'Western Sahara|Sahrawi|Polisario@0.8', ru: 'Западная Сахара|САДР|Полисарио@0.8', ar: 'الصحراء الغربية|البوليساريو@0.8|الصحراء المغربية' },
  SO: { en: 'Somalia|Somali|Somalis', ru: 'Сомали|сомалийский', ar: 'الصومال|صومالي' },
  DJ: { en: 'Djibouti|Djiboutian', ru: 'Джибути|джибутийский', ar: 'جيبوتي' },
  KM: { en: 'Comoros|Comorian', ru: 'Коморы|Коморские Острова', ar: 'جزر القمر' },
  CY: { en: 'Cyprus|Cypriot|Cypriots', ru: 'Кипр|кипрский|киприот', ar: 'قبرص|قبرصي' },
};
