import type { AliasTable } from '../ids.ts';

// Capitals, large cities and US states elsewhere: evidence in article text only. Cities that host
// international bodies (Geneva, Vienna, The Hague, Brussels, Davos) weigh less: a summit there is
// rarely about the host.
export const WORLD_PLACES: AliasTable = {
  US: {
    ru: `Вашингтон|вашингтонский|Нью-Йорк|нью-йоркский|Лос-Анджелес|Чикаго|Сан-Франциско|Майами|Лас-Вегас|Бостон|Хьюстон|Даллас|Сиэтл|
      Детройт|Атланта|Филадельфия|Техас|техасский|Калифорния|калифорнийский|Флорида|Аляска|Гавайи|Нью-Джерси|Вирджиния|Огайо|Мичиган|
      Пенсильвания|Аризона|Невада|Колорадо|Миннесота|Луизиана|Кентукки|Теннесси|Алабама|Оклахома|Орегон|Массачусетс|Мэриленд|Висконсин|
      Иллинойс|Айова|Миссури|Северная Каролина|Южная Каролина|Нью-Мексико|Коннектикут|Манхэттен|Бруклин|Уолл-стрит|Кремниевая долина|
      Силиконовая долина|Голливуд@0.6|Гуантанамо@0.6|Перл-Харбор`,
    en: `Washington|New York|NYC|Los Angeles|Chicago|San Francisco|Miami|Las Vegas|Boston|Houston|Dallas|Seattle|Detroit|Atlanta|
      Philadelphia|Texas|California|Californian|Florida|Alaska|Hawaii|New Jersey|Virginia|Ohio|Michigan|Pennsylvania|Arizona|Nevada|
      Colorado|Minnesota|Louisiana|Kentucky|Tennessee|Alabama|Oklahoma|Oregon|Massachusetts|Maryland|Wisconsin|Illinois|Iowa|Missouri|
      North Carolina|South Carolina|New Mexico|Connecticut|Manhattan|Brooklyn|Wall Street|Silicon Valley|Hollywood@0.6|Guantanamo@0.6|
      Pearl Harbor`,
    ar: `واشنطن|نيويورك|لوس أنجلوس|لوس انجليس|شيكاغو|سان فرانسيسكو|ميامي|لاس فيغاس|بوسطن|هيوستن|دالاس|سياتل|ديترويت|أتلانتا|فيلادلفيا|
      تكساس|كاليفورنيا|فلوريدا|ألاسكا|هاواي|نيوجيرسي|نيو جيرسي|فرجينيا|فيرجينيا|أوهايو|ميشيغان|بنسلفانيا|أريزونا|نيفادا|كولورادو|
      مينيسوتا|لويزيانا|كنتاكي|تينيسي|ألاباما|أوكلاهوما|ماساتشوستس|ماريلاند|ويسكونسن|إلينوي|مانهاتن|بروكلين|وول ستريت|وادي السيليكون|
      سيليكون فالي|هوليوود@0.6|غوانتانامو@0.6`,
  },
  GB: {
    ru: 'Лондон|лондонский|Манчестер|Ливерпуль|Бирмингем|Эдинбург|Глазго|Белфаст|Оксфорд@0.6|Кембридж@0.6|Вестминстер|Скотленд-Ярд',
    en: 'London|Manchester|Liverpool|Birmingham|Edinburgh|Glasgow|Belfast|Cardiff|Oxford@0.6|Cambridge@0.6|Westminster@0.7|Scotland Yard',
    ar: 'لندن|مانشستر|ليفربول|برمنغهام|برمنجهام|إدنبرة|غلاسكو|بلفاست|أكسفورد@0.6|كامبريدج@0.6|سكوتلاند يارد',
  },
  FR: {
    ru: 'Париж|парижский|Марсель|Лион|Ницца|Страсбург@0.6|Тулуза|Бордо@0.5|Елисейский дворец',
    en: 'Paris|Parisian|Marseille|Lyon|Strasbourg@0.6|Toulouse|Bordeaux@0.5|Elysee|Élysée',
    ar: 'باريس|مرسيليا|ليون@0.5|ستراسبورغ@0.6|تولوز|الإليزيه|الاليزيه',
  },
  DE: {
    ru: 'Берлин|берлинский|Мюнхен|мюнхенский|Гамбург|Франкфурт|Кельн|Бонн|Дрезден|Штутгарт|Бундестаг|Бундесвер|Бавария|баварский',
    en: 'Berlin|Munich|Hamburg|Frankfurt|Cologne|Bonn|Dresden|Stuttgart|Bundestag|Bundeswehr|Bavaria|Bavarian',
    ar: 'برلين|ميونخ|ميونيخ|هامبورغ|فرانكفورت|كولونيا|دريسدن|شتوتغارت|البوندستاغ|بافاريا',
  },
  IT: { ru: 'Рим|Милан|Неаполь|Турин|Венеция|Флоренция|Сицилия', en: 'Rome|Milan|Naples|Turin|Venice|Sicily|Sardinia', ar: 'روما|ميلانو|نابولي|تورينو|فلورنسا|صقلية|سردينيا' },
  ES: {
    ru: 'Мадрид|Барселона|Каталония|каталонский|Валенсия|Севилья|Страна Басков',
    en: 'Madrid|Barcelona|Catalonia|Catalan|Valencia|Seville|Basque Country|Andalusia|Canary Islands',
    ar: 'مدريد|برشلونة|كتالونيا|كاتالونيا|فالنسيا|إشبيلية|جزر الكناري',
  },
  PL: { ru: 'Варшава|варшавский|Краков|Гданьск', en: 'Warsaw|Krakow|Gdansk', ar: 'وارسو' },
  BE: { ru: 'Брюссель@0.6', en: 'Brussels@0.6', ar: 'بروكسل@0.6' },
  NL: { ru: 'Амстердам|Гаага@0.5|Роттердам', en: 'Amsterdam|The Hague@0.5|Rotterdam', ar: 'أمستردام|لاهاي@0.5|روتردام' },
  AT: { ru: 'Вена@0.7|венский@0.7|Зальцбург', en: 'Vienna@0.7|Salzburg', ar: 'فيينا@0.7' },
  CH: { ru: 'Берн|Женева@0.5|Цюрих|Давос@0.5|Лозанна@0.5', en: 'Bern|Geneva@0.5|Zurich|Davos@0.5|Lausanne@0.5', ar: 'جنيف@0.5|زيورخ|دافوس@0.5|لوزان@0.5' },
  SE: { ru: 'Стокгольм', en: 'Stockholm', ar: 'ستوكهولم' },
  NO: { ru: 'Осло@0.7', en: 'Oslo@0.7', ar: 'أوسلو@0.7' },
  FI: { ru: 'Хельсинки', en: 'Helsinki', ar: 'هلسنكي' },
  DK: { ru: 'Копенгаген', en: 'Copenhagen', ar: 'كوبنهاغن|كوبنهاجن' },
  GR: { ru: 'Афины|Салоники', en: 'Athens|Thessaloniki', ar: 'أثينا' },
  PT: { ru: 'Лиссабон', en: 'Lisbon', ar: 'لشبونة' },
  CZ: { ru: 'Прага|пражский', en: 'Prague', ar: 'براغ' },
  HU: { ru: 'Будапешт', en: 'Budapest', ar: 'بودابست' },
  RO: { ru: 'Бухарест', en: 'Bucharest', ar: 'بوخارست' },
  BG: { ru: 'София@0.4', en: 'Sofia@0.4' },
  RS: { ru: 'Белград', en: 'Belgrade', ar: 'بلغراد' },
  HR: { ru: 'Загреб', en: 'Zagreb', ar: 'زغرب' },
  BA: { ru: 'Сараево', en: 'Sarajevo', ar: 'سراييفو' },
  XK: { ru: 'Приштина', en: 'Pristina', ar: 'بريشتينا' },
  IE: { ru: 'Дублин', en: 'Dublin', ar: 'دبلن' },
  CA: { ru: 'Оттава|Торонто|Монреаль|Ванкувер|Квебек', en: 'Ottawa|Toronto|Montreal|Vancouver|Quebec', ar: 'أوتاوا|تورونتو|مونتريال|فانكوفر|كيبيك' },
  MX: { ru: 'Мехико', en: 'Mexico City', ar: 'مكسيكو سيتي' },
  BR: { ru: 'Бразилиа|Рио-де-Жанейро|Сан-Паулу', en: 'Brasilia|Rio de Janeiro|Sao Paulo', ar: 'برازيليا|ريو دي جانيرو|ساو باولو' },
  AR: { ru: 'Буэнос-Айрес', en: 'Buenos Aires', ar: 'بوينس آيرس|بوينس أيرس' },
  VE: { ru: 'Каракас', en: 'Caracas', ar: 'كاراكاس' },
  CU: { ru: 'Гавана|гаванский', en: 'Havana', ar: 'هافانا' },
  CO: { ru: 'Богота', en: 'Bogota', ar: 'بوغوتا' },
  NG: { ru: 'Абуджа|Лагос', en: 'Abuja|Lagos', ar: 'أبوجا|لاغوس' },
  ET: { ru: 'Аддис-Абеба', en: 'Addis Ababa', ar: 'أديس أبابا' },
  KE: { ru: 'Найроби', en: 'Nairobi', ar: 'نيروبي' },
  ZA: { ru: 'Претория|Йоханнесбург|Кейптаун', en: 'Pretoria|Johannesburg|Cape Town|Durban', ar: 'بريتوريا|جوهانسبرغ|جوهانسبيرغ|كيب تاون' },
  ML: { ru: 'Бамако', en: 'Bamako|Timbuktu', ar: 'باماكو|تمبكتو' },
  TD: { ru: 'Нджамена', en: "N'Djamena|Ndjamena", ar: 'نجامينا|انجامينا' },
  SN: { ru: 'Дакар@0.4', en: 'Dakar@0.4', ar: 'داكار' },
  AU: { ru: 'Канберра|Сидней|Мельбурн', en: 'Canberra|Sydney@0.7|Melbourne|Brisbane', ar: 'كانبيرا|سيدني|ملبورن' },
  NZ: { ru: 'Окленд@0.7|Крайстчерч', en: 'Auckland|Christchurch', ar: 'أوكلاند|كرايستشيرش' },
};
