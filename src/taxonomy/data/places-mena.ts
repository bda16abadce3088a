import type { AliasTable } from '../ids.ts';

// Cities and areas of the Arab world and Israel/Palestine: evidence in article text only. Arabic place
// names that are also common words are left out or weighed down: صور (pictures, also Tyre), العقبة
// (the obstacle), الزرقاء (blue), العيون (eyes), مسقط as in مسقط رأسه (birthplace), جدة (grandmother).
export const MENA_PLACES: AliasTable = {
  EG: {
    ru: 'Каир|каирский|Александрия|Шарм-эш-Шейх|Хургада|Синай|синайский|Суэцкий канал|Луксор|Асуан|Гиза',
    en: 'Cairo|Alexandria@0.7|Sharm el-Sheikh|Hurghada|Sinai|Suez Canal|Suez|Luxor|Aswan|Giza|Port Said|Tahrir Square',
    ar: `القاهرة|الإسكندرية|الاسكندرية|شرم الشيخ|الغردقة|سيناء|قناة السويس|السويس|الأقصر|أسوان|الجيزة|بورسعيد|بور سعيد|الإسماعيلية|
      المنصورة@0.6|طنطا|أسيوط|المنيا|سوهاج|الزقازيق|دمياط|الفيوم|بني سويف|العريش|ميدان التحرير`,
  },
  SA: {
    ru: 'Эр-Рияд|Рияд|Джидда|Мекка|Медина@0.7|Даммам',
    en: 'Riyadh|Jeddah|Jiddah|Mecca@0.8|Makkah@0.8|Medina@0.6|Dammam|Dhahran|Neom',
    ar: 'الرياض|مدينة جدة|مكة@0.8|مكة المكرمة@0.8|المدينة المنورة@0.8|الدمام|الظهران|نيوم|تبوك|الطائف|القصيم|أبها|جازان|نجران|الأحساء|ينبع|الجبيل',
  },
  AE: { ru: 'Дубай|Абу-Даби|Шарджа', en: 'Dubai|Abu Dhabi|Sharjah|Ajman|Fujairah|Ras al-Khaimah', ar: 'دبي|أبوظبي|أبو ظبي|ابوظبي|الشارقة|عجمان|الفجيرة|رأس الخيمة' },
  QA: { ru: 'Доха', en: 'Doha', ar: 'الدوحة' },
  KW: { en: 'Kuwait City', ru: 'Эль-Кувейт' },
  BH: { ru: 'Манама', en: 'Manama', ar: 'المنامة' },
  OM: { ru: 'Маскат', en: 'Muscat', ar: 'مسقط@0.6' },
  YE: { ru: 'Сана|Аден|Ходейда', en: 'Sanaa|Aden|Hodeidah|Hudaydah|Marib|Taiz', ar: 'صنعاء|عدن@0.8|الحديدة|مأرب|تعز|حضرموت|صعدة' },
  IQ: {
    ru: 'Багдад|багдадский|Мосул|Басра|Эрбиль|Киркук|Фаллуджа|Тикрит|Рамади|Наджаф|Кербела',
    en: 'Baghdad|Mosul|Basra|Erbil|Irbil|Kirkuk|Fallujah|Tikrit|Ramadi|Najaf|Karbala|Anbar',
    ar: 'بغداد|الموصل|البصرة|أربيل|اربيل|كركوك|الفلوجة|تكريت|الرمادي|النجف|كربلاء|الأنبار|محافظة ديالى|نينوى|السليمانية|دهوك|الناصرية|سامراء',
  },
  SY: {
    ru: 'Дамаск|дамасский|Алеппо|Халеб|Хомс|Идлиб|Ракка|Латакия|Тартус|Хмеймим|Пальмира|Дейр-эз-Зор|Восточная Гута|Гута|Африн|Манбидж|Дераа|Кобани|Голаны@0.6|Голанские высоты@0.6',
    en: 'Damascus|Aleppo|Homs|Idlib|Raqqa|Latakia|Tartus|Hmeimim|Palmyra|Deir ez-Zor|Deir al-Zour|Ghouta|Eastern Ghouta|Afrin|Manbij|Daraa|Kobani|Golan@0.6|Golan Heights@0.6',
    ar: 'دمشق|حلب@0.8|حمص@0.6|مدينة حمص|إدلب|ادلب|الرقة|اللاذقية|طرطوس|حميميم|تدمر|دير الزور|الغوطة|الغوطة الشرقية|عفرين|منبج|درعا|حماة@0.6|كوباني|عين العرب|القامشلي|الحسكة|السويداء|الجولان@0.6',
  },
  LB: { ru: 'Бейрут|бейрутский', en: 'Beirut|Sidon|Baalbek|Bekaa', ar: 'بيروت|صيدا|بعلبك|البقاع|الضاحية الجنوبية' },
  JO: { ru: 'Амман', en: 'Amman', ar: 'إربد' },
  IL: {
    ru: 'Тель-Авив|тель-авивский|Иерусалим@0.6|Хайфа|Эйлат|Ашкелон|Ашдод|Беэр-Шева|Назарет',
    en: 'Tel Aviv|Jerusalem@0.6|Haifa|Eilat|Ashkelon|Ashdod|Beersheba|Nazareth',
    ar: 'تل أبيب|تل ابيب|القدس@0.6|القدس المحتلة@0.6|حيفا|إيلات|عسقلان|أسدود|بئر السبع|الناصرة@0.7|يافا|عكا',
  },
  PS: {
    ru: 'Рамалла|Хеврон|Вифлеем|Наблус|Дженин|Иерусалим@0.6',
    en: 'Gaza|Ramallah|Hebron|Bethlehem|Nablus|Jenin|Jerusalem@0.6|Jericho|Khan Younis|Rafah',
    ar: 'غزة|رام الله|الخليل@0.5|بيت لحم|نابلس|جنين@0.3|القدس@0.6|القدس المحتلة@0.6|أريحا|خان يونس|رفح|الضفة|المسجد الأقصى@0.6',
  },
  LY: {
    ru: 'Триполи@0.7|Бенгази|Мисрата|Сирт|Тобрук',
    en: 'Tripoli@0.7|Benghazi|Misrata|Sirte|Tobruk|Derna|Sabha',
    ar: 'طرابلس@0.7|بنغازي|مصراتة|سرت|طبرق|درنة|سبها',
  },
  TN: {
    ru: 'Сфакс|Сус|Бизерта|Джерба',
    en: 'Sfax|Sousse|Bizerte|Djerba|Kairouan',
    ar: 'صفاقس|سوسة@0.7|بنزرت|جربة|القيروان|قابس|قفصة|المنستير|نابل|سيدي بوزيد|القصرين|مدنين|تطاوين|توزر|جندوبة|سليانة|زغوان|بن عروس|أريانة|منوبة|المهدية',
  },
  DZ: { ru: 'Оран', en: 'Oran|Annaba', ar: 'وهران|قسنطينة|عنابة|تيزي وزو|البليدة|سطيف|بجاية|تلمسان|ورقلة|غرداية' },
  MA: {
    ru: 'Рабат|Касабланка|Марракеш|Танжер',
    en: 'Rabat|Casablanca|Marrakesh|Marrakech|Tangier|Agadir',
    ar: 'الرباط@0.8|الدار البيضاء|مراكش|طنجة|فاس@0.5|أكادير|أغادير|مكناس|تطوان|القنيطرة|الحسيمة|الناظور|بني ملال|خريبكة',
  },
  SD: { ru: 'Хартум|Дарфур', en: 'Khartoum|Darfur|Omdurman', ar: 'الخرطوم|دارفور|أم درمان|كسلا|بورتسودان' },
  SO: { ru: 'Могадишо', en: 'Mogadishu|Puntland|Somaliland', ar: 'مقديشو|بونتلاند|أرض الصومال' },
  MR: { ru: 'Нуакшот', en: 'Nouakchott', ar: 'نواكشوط|نواذيبو' },
  CY: { ru: 'Никосия', en: 'Nicosia', ar: 'نيقوسيا' },
};
