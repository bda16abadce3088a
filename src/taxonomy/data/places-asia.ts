import type { AliasTable } from '../ids.ts';

// Capitals and main cities of Central and South Asia, the Caucasus, the other former Soviet states,
// Iran, Turkey and East Asia: evidence in article text only. Words with a common second sense are left
// out (Arabic كيف "how", سيول "floods", بورصة "stock exchange"; Russian Ровно "exactly", Изюм).
export const ASIA_PLACES: AliasTable = {
  TJ: { ru: 'Душанбе|Худжанд|Куляб|Хорог|Бохтар|Курган-Тюбе|Горно-Бадахшанский|Памир@0.5', en: 'Dushanbe|Khujand|Kulob|Kulyab|Khorog|Bokhtar|Gorno-Badakhshan|Pamir@0.5', ar: 'دوشنبه|دوشانبي|خجند|كولاب' },
  KZ: {
    ru: 'Астана|Нур-Султан|Алма-Ата|Алматы|Караганда|Шымкент|Чимкент|Актау|Актобе|Атырау|Павлодар|Усть-Каменогорск|Семипалатинск|Байконур@0.5',
    en: 'Astana|Nur-Sultan|Almaty|Alma-Ata|Karaganda|Shymkent|Aktau|Aktobe|Atyrau|Semipalatinsk|Baikonur@0.5',
    ar: 'أستانا|استانا|أستانة|نور سلطان|ألماتي|الماتي|ألما آتا|بايكونور@0.5',
  },
  KG: { ru: 'Бишкек|бишкекский|Ош@0.7|Джалал-Абад|Иссык-Куль|Каракол|Баткен', en: 'Bishkek|Osh@0.7|Jalal-Abad|Issyk-Kul|Batken', ar: 'بيشكيك|بشكيك' },
  UZ: {
    ru: 'Ташкент|ташкентский|Самарканд|самаркандский|Бухара|Андижан|Фергана@0.6|Наманган|Нукус|Каракалпакстан|Хива|Термез',
    en: 'Tashkent|Samarkand|Samarqand|Bukhara|Andijan|Fergana@0.6|Namangan|Karakalpakstan|Khiva|Termez',
    ar: 'طشقند|سمرقند|بخارا|أنديجان|فرغانة@0.6',
  },
  TM: { ru: 'Ашхабад|Ашгабат|ашхабадский|Туркменабат|Туркменбаши@0.6|Мары@0.5', en: 'Ashgabat|Ashkhabad|Turkmenabat|Turkmenbashi@0.6', ar: 'عشق آباد|عشق أباد|عشقآباد|أشغابات' },
  AF: {
    ru: 'Кабул|кабульский|Кандагар|Герат|Мазари-Шариф|Кундуз|Джелалабад|Гильменд|Газни|Баграм|Бадахшан@0.5|Панджшер',
    en: 'Kabul|Kandahar|Herat|Mazar-i-Sharif|Mazar-e-Sharif|Kunduz|Jalalabad|Helmand|Ghazni|Bagram|Panjshir',
    ar: 'كابول|كابل@0.5|قندهار|هرات|مزار شريف|قندوز|جلال آباد|هلمند|غزني|باغرام|بانشير',
  },
  AZ: {
    ru: 'Баку|бакинский|Гянджа|Сумгаит|Нахичевань|Нагорный Карабах|Карабах@0.8|Степанакерт|Ханкенди',
    en: 'Baku|Sumgait|Nakhchivan|Nagorno-Karabakh|Karabakh@0.8|Stepanakert',
    ar: 'باكو|ناخيتشيفان|ناغورني قره باغ|ناغورنو كاراباخ|قره باغ@0.8|كاراباخ@0.8',
  },
  AM: { ru: 'Ереван|ереванский|Гюмри', en: 'Yerevan|Gyumri', ar: 'يريفان|يرفان' },
  GE: { ru: 'Тбилиси|тбилисский|Батуми|Кутаиси|Сухум|Сухуми|Цхинвал|Цхинвали|Гали@0.3', en: 'Tbilisi|Batumi|Kutaisi|Sukhumi|Tskhinvali', ar: 'تبليسي|باتومي' },
  UA: {
    ru: `Киев|киевский|Харьков|харьковский|Одесса|одесский|Львов|львовский|Днепр@0.6|Днепропетровск|днепропетровский|Донецк|донецкий|
      Луганск|луганский|Запорожье|запорожский|Мариуполь|Херсон|херсонский|Чернигов|Полтава|Винница|Житомир|Ивано-Франковск|Ужгород|
      Тернополь|Черкассы|Кривой Рог|Чернобыль@0.6|Верховная Рада|ДНР|ЛНР|Славянск|Краматорск|Авдеевка|Дебальцево|Бахмут|Артемовск|Луцк`,
    en: `Kiev|Kyiv|Kharkiv|Kharkov|Odessa|Odesa|Lviv|Lvov|Dnipro|Dnipropetrovsk|Donetsk|Luhansk|Lugansk|Zaporizhzhia|Zaporozhye|
      Mariupol|Kherson|Mykolaiv|Chernihiv|Poltava|Vinnytsia|Chernobyl@0.6|Verkhovna Rada|Sloviansk|Kramatorsk|Bakhmut|Avdiivka`,
    ar: 'كييف|خاركيف|خاركوف|أوديسا|لفيف|دونيتسك|لوغانسك|لوهانسك|زابوريجيا|ماريوبول|خيرسون|تشيرنوبيل@0.6',
  },
  BY: { ru: 'Минск|минский@0.7|Гомель|Брест@0.7|Гродно|Витебск|Могилев|Бобруйск', en: 'Minsk|Gomel|Homel|Grodno|Vitebsk|Mogilev', ar: 'مينسك' },
  MD: { ru: 'Кишинев|кишиневский|Тирасполь|Бельцы', en: 'Chisinau|Kishinev|Tiraspol', ar: 'كيشيناو|كيشينيف' },
  LV: { ru: 'Рига|рижский|Даугавпилс|Юрмала', en: 'Riga|Daugavpils|Jurmala', ar: 'ريغا' },
  LT: { ru: 'Вильнюс|вильнюсский|Каунас|Клайпеда', en: 'Vilnius|Kaunas|Klaipeda', ar: 'فيلنيوس' },
  EE: { ru: 'Таллин|Таллинн|таллинский|Тарту|Нарва', en: 'Tallinn|Tartu|Narva', ar: 'تالين' },
  IR: {
    ru: 'Тегеран|тегеранский|Исфахан|Мешхед|Тебриз|Шираз|Бушер|Натанз|Ормузский пролив|Хузестан',
    en: 'Tehran|Teheran|Isfahan|Mashhad|Tabriz|Shiraz|Qom@0.7|Bushehr|Natanz|Strait of Hormuz|Hormuz|Khuzestan',
    ar: 'طهران|أصفهان|اصفهان|تبريز|شيراز|بوشهر|نطنز|مضيق هرمز|الأحواز@0.7|الأهواز@0.7|خوزستان',
  },
  TR: {
    ru: 'Анкара|анкарский|Стамбул|стамбульский|Измир|Анталья|Анталия|Аланья|Адана|Бурса|Газиантеп|Диярбакыр|Трабзон|Инджирлик|Босфор|Бодрум|Мармарис',
    en: 'Ankara|Istanbul|Izmir|Antalya|Alanya|Adana|Bursa|Gaziantep|Diyarbakir|Trabzon|Incirlik|Bosphorus|Bodrum',
    ar: 'أنقرة|انقره|إسطنبول|اسطنبول|استانبول|إزمير|أنطاليا|أضنة|غازي عنتاب|ديار بكر|طرابزون|إنجرليك|البوسفور|كلس@0.5|أورفا|شانلي أورفا|هاتاي',
  },
  PK: {
    ru: 'Исламабад|Карачи|Лахор|Пешавар|Кветта|Равалпинди|Вазиристан|Белуджистан@0.6',
    en: 'Islamabad|Karachi|Lahore|Peshawar|Quetta|Rawalpindi|Waziristan|Balochistan@0.6|Baluchistan@0.6|Khyber Pakhtunkhwa',
    ar: 'إسلام آباد|إسلام أباد|اسلام اباد|كراتشي|لاهور|بيشاور|كويتا|روالبندي|وزيرستان',
  },
  IN: {
    ru: 'Нью-Дели|Дели|Мумбаи|Бомбей|Калькутта|Ченнаи|Бангалор|Кашмир@0.6|Болливуд@0.8',
    en: 'New Delhi|Delhi|Mumbai|Bombay|Kolkata|Calcutta|Chennai|Bangalore|Bengaluru|Hyderabad@0.6|Kashmir@0.6|Gujarat|Uttar Pradesh|Kerala|Assam|Bollywood@0.8',
    ar: 'نيودلهي|نيو دلهي|دلهي|مومباي|بومباي|كلكتا|بنغالور|كشمير@0.6|بوليوود@0.8',
  },
  CN: {
    ru: 'Пекин|пекинский|Шанхай|шанхайский|Ухань|Гуанчжоу|Шэньчжэнь|Синьцзян|Тибет@0.7|Харбин|Урумчи|Чунцин|Тяньцзинь|Ханчжоу|уйгур@0.7',
    en: 'Beijing|Peking|Shanghai|Wuhan|Guangzhou|Shenzhen|Xinjiang|Tibet@0.7|Harbin|Urumqi|Chongqing|Tianjin|Hangzhou|Uighur@0.7|Uyghur@0.7',
    ar: 'بكين|بيجين|شنغهاي|شنغاي|ووهان|قوانغتشو|شنتشن|شينجيانغ|شينغيانغ|التبت@0.7|الأويغور@0.7|الإيغور@0.7|الايغور@0.7|تيانجين',
  },
  HK: { ru: 'Гонконг|гонконгский', en: 'Hong Kong', ar: 'هونغ كونغ|هونج كونج|هونغ كونج' },
  TW: { ru: 'Тайбэй', en: 'Taipei', ar: 'تايبيه|تايبيه' },
  JP: { ru: 'Токио|токийский|Осака|Хиросима|Нагасаки|Фукусима|Окинава', en: 'Tokyo|Osaka|Hiroshima|Nagasaki|Fukushima|Kyoto@0.5|Okinawa', ar: 'طوكيو|أوساكا|هيروشيما|ناغازاكي|فوكوشيما' },
  KR: { ru: 'Сеул|сеульский|Пусан|Пхенчхан', en: 'Seoul|Busan|Pusan|Pyeongchang', ar: 'سول@0.8|بيونغتشانغ' },
  KP: { ru: 'Пхеньян|пхеньянский|Кэсон', en: 'Pyongyang|Kaesong', ar: 'بيونغ يانغ|بيونغيانغ|بيونج يانج' },
  MN: { ru: 'Улан-Батор', en: 'Ulaanbaatar|Ulan Bator', ar: 'أولان باتور' },
  VN: { ru: 'Ханой|Хошимин|Сайгон', en: 'Hanoi|Ho Chi Minh City|Saigon', ar: 'هانوي' },
  TH: { ru: 'Бангкок|Пхукет|Паттайя', en: 'Bangkok|Phuket|Pattaya', ar: 'بانكوك' },
  ID: { ru: 'Джакарта|Бали|Суматра', en: 'Jakarta|Bali|Sumatra|Aceh', ar: 'جاكرتا|سومطرة' },
  MY: { ru: 'Куала-Лумпур', en: 'Kuala Lumpur', ar: 'كوالالمبور|كوالا لمبور' },
  PH: { ru: 'Манила|Минданао', en: 'Manila|Mindanao|Marawi', ar: 'مانيلا' },
  MM: { ru: 'Янгон|Рангун|Нейпьидо|Ракхайн|рохинджа@0.7', en: 'Yangon|Rangoon|Naypyidaw|Rakhine|Rohingya@0.7', ar: 'يانغون|راخين|أراكان|الروهينغا@0.7|الروهينجا@0.7' },
  BD: { ru: 'Дакка', en: 'Dhaka', ar: 'دكا' },
  LK: { ru: 'Коломбо', en: 'Colombo', ar: 'كولومبو' },
  NP: { ru: 'Катманду', en: 'Kathmandu', ar: 'كاتماندو' },
};
