import type { AliasTable } from '../ids.ts';

// Political shorthand: seats of power, state bodies, leaders past and present, armed movements tied to
// one country. Evidence in article text only, a little below a country's name: a leader abroad still
// makes news about his country. Bare names that are common words or names are left out (Arabic فتح
// "opening", صدام "clash", رئيسي "main", مبارك "blessed"; Russian Медведев is a common surname).
export const SHORTHAND: AliasTable = {
  RU: {
    ru: `Кремль@0.9|кремлевский@0.9|Госдума|Государственная дума|Совет Федерации|Совфед|ФСБ|Роскомнадзор|Росстат|Роскосмос|Росгвардия|
      Минобороны России|МИД России|МВД России|Генпрокуратура@0.7|СК России|Следственный комитет@0.7|Газпром@0.6|Роснефть@0.6|
      Путин@0.8|Медведев@0.5|Дмитрий Медведев@0.7|Ельцин@0.8|Шойгу@0.8|Лавров@0.8|Песков@0.6|Собянин|Матвиенко@0.8|Володин@0.5|
      Мишустин@0.8|Жириновский|Зюганов|Навальный|Лужков|Кудрин@0.7|Греф@0.5|Набиуллина|Чубайс`,
    en: 'Kremlin@0.9|State Duma|Duma@0.8|FSB|Gazprom@0.6|Rosneft@0.6|Roscosmos|Putin@0.8|Dmitry Medvedev@0.7|Medvedev@0.6|Yeltsin@0.8|Lavrov@0.8|Shoigu@0.8|Peskov@0.7|Navalny',
    ar: 'الكرملين@0.9|مجلس الدوما|الدوما@0.8|بوتين@0.8|ميدفيديف@0.6|مدفيديف@0.6|يلتسين@0.8|لافروف@0.8|شويغو@0.8|بيسكوف@0.7|غازبروم@0.6|روسنفت@0.6',
  },
  'RU-CE': { ru: 'Кадыров|кадыровец|Дудаев|Масхадов|Басаев', en: 'Kadyrov|Dudayev|Maskhadov|Basayev', ar: 'قديروف|قاديروف' },
  'RU-TA': { ru: 'Минниханов|Шаймиев', en: 'Minnikhanov|Shaimiev', ar: 'مينيخانوف' },
  TJ: { ru: 'Рахмон|Эмомали Рахмон|Рахмонов', en: 'Rahmon|Emomali Rahmon|Rakhmonov', ar: 'إمام علي رحمن|إمام علي رحمان|رحمانوف' },
  KZ: { ru: 'Назарбаев|Токаев', en: 'Nazarbayev|Tokayev', ar: 'نزارباييف|نزاربايف|نزار باييف|توكاييف|توكايف' },
  UZ: { ru: 'Мирзиёев|Ислам Каримов', en: 'Mirziyoyev|Islam Karimov', ar: 'ميرضيائيف|ميرزيوييف|إسلام كريموف' },
  TM: { ru: 'Бердымухамедов|Ниязов', en: 'Berdymukhamedov|Berdimuhamedow|Niyazov', ar: 'بيردي محمدوف|بردي محمدوف' },
  KG: { ru: 'Жапаров|Атамбаев|Жээнбеков|Бакиев|Акаев', en: 'Japarov|Atambayev|Jeenbekov|Bakiyev|Akayev', ar: 'جاباروف|أتامباييف' },
  AF: { ru: 'Талибан|талиб|Ашраф Гани|Карзай', en: 'Taliban|Ashraf Ghani|Karzai', ar: 'طالبان|حركة طالبان|أشرف غني|كرزاي' },
  IR: {
    ru: 'Хаменеи|Роухани|Рухани|Ахмадинежад|Раиси|КСИР|Корпус стражей исламской революции|Зариф@0.7',
    en: 'Khamenei|Rouhani|Rohani|Ahmadinejad|Raisi|IRGC|Revolutionary Guards|Zarif@0.7',
    ar: 'خامنئي|الخامنئي|حسن روحاني|روحاني@0.3|أحمدي نجاد|إبراهيم رئيسي|الحرس الثوري|ظريف@0.6',
  },
  TR: { ru: 'Эрдоган|Давутоглу|Чавушоглу', en: 'Erdogan|Davutoglu|Cavusoglu', ar: 'أردوغان|اردوغان|جاويش أوغلو|داود أوغلو' },
  PK: { ru: 'Имран Хан|Мушарраф|Наваз Шариф', en: 'Imran Khan|Musharraf|Nawaz Sharif|Bhutto', ar: 'عمران خان|برويز مشرف|نواز شريف' },
  CN: { ru: 'Си Цзиньпин|Ху Цзиньтао|Ли Кэцян|Компартия Китая', en: 'Xi Jinping|Hu Jintao|Li Keqiang', ar: 'شي جين بينغ|شي جينبينغ|لي كه تشيانغ' },
  KP: { ru: 'Ким Чен Ын|Ким Чен Ир|Ким Ир Сен', en: 'Kim Jong-un|Kim Jong Un|Kim Jong-il|Kim Il-sung', ar: 'كيم جونغ أون|كيم جونغ اون|كيم جونج أون|كيم جونغ أون' },
  US: {
    ru: 'Белый дом@0.6|Пентагон|Госдеп|Госдепартамент|Конгресс США|Сенат США|ФБР|ЦРУ|Трамп|Обама|Байден|Буш@0.8|Клинтон@0.8|Помпео|Тиллерсон|Керри@0.6|Кондолиза Райс',
    en: 'White House|Pentagon|State Department|Capitol Hill|Congress@0.5|FBI|CIA|Trump|Obama|Biden|Bush@0.8|Clinton@0.8|Pompeo|Tillerson|Kerry@0.6|Condoleezza Rice|Pelosi',
    ar: 'البيت الأبيض|البيت الابيض|البنتاغون|البنتاجون|الخارجية الأمريكية|الخارجية الأميركية|الكونغرس@0.7|الكونجرس@0.7|مكتب التحقيقات الفيدرالي|ترامب|أوباما|اوباما|بايدن|بوش@0.8|كلينتون@0.8|بومبيو|تيلرسون|كيري@0.6|بنس@0.6',
  },
  GB: {
    ru: 'Даунинг-стрит|Тереза Мэй|Борис Джонсон|Тони Блэр|Блэр@0.7|Дэвид Кэмерон',
    en: 'Downing Street|Theresa May|Boris Johnson|Tony Blair|Blair@0.7|David Cameron|Gordon Brown',
    ar: 'داونينغ ستريت|تيريزا ماي|بوريس جونسون|توني بلير|ديفيد كاميرون',
  },
  FR: { ru: 'Макрон|Олланд|Саркози|Ширак', en: 'Macron|Hollande|Sarkozy|Chirac', ar: 'ماكرون|هولاند|ساركوزي|شيراك' },
  DE: { ru: 'Меркель|Шредер@0.7|Шольц', en: 'Merkel|Schroeder@0.7|Schröder@0.7|Scholz', ar: 'ميركل|شولتس' },
  UA: {
    ru: 'Зеленский@0.8|Порошенко|Янукович|Ющенко|Кучма|Тимошенко|Кличко@0.6|ВСУ|СБУ',
    en: 'Zelensky|Zelenskyy|Poroshenko|Yanukovych|Yushchenko|Kuchma|Tymoshenko|Klitschko@0.6',
    ar: 'زيلينسكي|بوروشينكو|يانوكوفيتش',
  },
  BY: { ru: 'Лукашенко', en: 'Lukashenko', ar: 'لوكاشينكو|لوكاشنكو' },
  GE: { ru: 'Саакашвили|Шеварднадзе', en: 'Saakashvili|Shevardnadze', ar: 'ساكاشفيلي' },
  AZ: { ru: 'Ильхам Алиев|Гейдар Алиев|Алиев@0.3', en: 'Ilham Aliyev|Aliyev@0.5', ar: 'إلهام علييف|علييف' },
  AM: { ru: 'Пашинян|Саргсян|Кочарян', en: 'Pashinyan|Sargsyan|Kocharyan', ar: 'باشينيان' },
  MD: { ru: 'Додон|Майя Санду', en: 'Dodon|Maia Sandu' },
  IL: {
    ru: 'Нетаньяху|Ариэль Шарон|Либерман@0.5|Кнессет|ЦАХАЛ|Моссад|Ликуд',
    en: 'Netanyahu|Ariel Sharon|Knesset|IDF|Mossad|Likud',
    ar: 'نتنياهو|نتانياهو|شارون@0.5|ليبرمان@0.5|الكنيست|الموساد|الليكود',
  },
  PS: {
    ru: 'ХАМАС|Хамас|Махмуд Аббас|Арафат|ФАТХ',
    en: 'Hamas|Mahmoud Abbas|Arafat|Fatah|PLO',
    ar: 'حماس@0.6|حركة حماس|محمود عباس|أبو مازن|عرفات|حركة فتح|منظمة التحرير الفلسطينية',
  },
  LB: { ru: 'Хезболла|Хизбалла|Насралла|Харири@0.7', en: 'Hezbollah|Hizbollah|Hizbullah|Nasrallah|Hariri@0.7', ar: 'حزب الله|حسن نصر الله|نصر الله@0.6|الحريري@0.7' },
  SY: { ru: 'Асад@0.8|Башар Асад', en: 'Assad@0.8|Bashar al-Assad', ar: 'بشار الأسد|نظام الأسد|الأسد@0.4' },
  YE: { ru: 'хусит|Хади@0.4', en: 'Houthi|Houthis', ar: 'الحوثي|حوثي|الحوثيين|الحوثيون|أنصار الله@0.8|عبد ربه منصور هادي' },
  SA: { ru: 'Мухаммед бен Салман|король Салман', en: 'King Salman|Mohammed bin Salman|Mohammad bin Salman', ar: 'محمد بن سلمان|الملك سلمان|خادم الحرمين الشريفين' },
  EG: { ru: 'Сиси|ас-Сиси|Мубарак|Мурси', en: 'Sisi|el-Sisi|Mubarak|Morsi|Mursi', ar: 'السيسي|حسني مبارك|محمد مرسي' },
  LY: { ru: 'Хафтар|Каддафи', en: 'Haftar|Hifter|Gaddafi|Qaddafi|Kadhafi', ar: 'حفتر|القذافي' },
  IQ: { ru: 'Саддам Хусейн|Саддам', en: 'Saddam Hussein|Saddam', ar: 'صدام حسين' },
  TN: { ru: 'Бен Али|Эссебси', en: 'Essebsi', ar: 'السبسي' },
  DZ: { ru: 'Бутефлика', en: 'Bouteflika', ar: 'بوتفليقة' },
  QA: { en: 'Emir Tamim', ar: 'تميم بن حمد|الشيخ تميم' },
  AE: { en: 'Mohammed bin Zayed', ar: 'محمد بن زايد' },
  JO: { en: 'King Abdullah II', ar: 'الملك عبد الله الثاني|عبدالله الثاني' },
  IN: { ru: 'Моди', en: 'Narendra Modi|Modi@0.7', ar: 'ناريندرا مودي|مودي@0.7' },
  JP: { ru: 'Синдзо Абэ', en: 'Shinzo Abe', ar: 'شينزو آبي' },
  VE: { ru: 'Мадуро|Уго Чавес', en: 'Maduro|Hugo Chavez', ar: 'مادورو|هوغو تشافيز' },
  CU: { ru: 'Фидель Кастро|Кастро@0.7', en: 'Fidel Castro|Castro@0.6', ar: 'كاسترو' },
  VA: { ru: 'Папа Римский@0.5', en: 'Pope Francis@0.5', ar: 'بابا الفاتيكان@0.6' },
};

// Phrases whose words would otherwise count for a country: consumed, credited to none.
export const NOT_PLACES: Readonly<Record<'en' | 'ru' | 'ar', string>> = {
  // News agencies and broadcasters credit their home country in every story they are quoted in.
  en: `Indian Ocean|US dollar|USA dollar|Arab League|Soviet Union|Gulf of Mexico|Turkish delight|Native American|American Indian|
    French fries|Agence France-Presse|Agence France Presse|France-Presse|France Presse|France 24|Radio France|Voice of America|
    Radio Free Europe|Deutsche Presse-Agentur|Russia Today`,
  ru: `Индийский океан|доллар США|Лига арабских государств|Иван Грозный|Киевская Русь|Шанхайская организация сотрудничества|Казанский вокзал|
    Киевский вокзал|Белорусский вокзал|Ленинградский вокзал|Курский вокзал|Ярославский вокзал|Рижский вокзал|Казанский собор|Мексиканский залив|
    Франс Пресс|Немецкая волна|Голос Америки|Радио Свобода|Эхо Москвы|Русская служба Би-би-си|Би-би-си`,
  ar: `المحيط الهندي|دولار أمريكي|الدولار الأمريكي|دولار أميركي|الدولار الأميركي|جامعة الدول العربية|الجامعة العربية|مسقط رأس|مسقط رأسه|
    مسقط رأسها|الاتحاد السوفيتي|الاتحاد السوفياتي|خليج المكسيك|صحيح البخاري|وكالة الصحافة الفرنسية|الصحافة الفرنسية|
    وكالة الأنباء الفرنسية|الوكالة الفرنسية|فرانس برس|وكالة الأنباء الألمانية|الوكالة الألمانية|صوت أمريكا|راديو سوا|
    سكاي نيوز عربية|روسيا اليوم|مونت كارلو الدولية`,
};

/**
 * Words that never count, even when a key of theirs matches: Arabic الحمص (chickpeas, not Homs),
 * الحماس (enthusiasm, not Hamas), مجريات (the course of events, not Hungarian), الجنين (the fetus);
 * English Frances and franc, which stem like France.
 */
export const NOT_PLACE_WORDS: readonly string[] = [
  ...'frances franc francs'.split(' '),
  ...'الحمص الحماس مجريات مجري الجنين المودي الموديه ديالي'.split(' '),
];
