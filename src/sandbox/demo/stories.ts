/**
 * Demo stories told in two or three languages, written for the sandbox (not taken from any outlet).
 * Their versions are linked as alternates, so the bot folds each into one story.
 */
import type { DemoArticle } from './types.ts';

const s = (...sentences: string[]) => sentences.join(' ');

export const MULTILINGUAL_STORIES: readonly DemoArticle[] = [
  {
    slug: 'uzbekistan-solar-plant', lang: 'en', hoursAgo: 3,
    title: 'Uzbekistan switches on its largest solar plant near Samarkand',
    text: s(
      "A 500-megawatt solar power plant began feeding the grid near Samarkand on Monday, Uzbekistan's energy ministry said.",
      'The plant covers about 1,000 hectares of former pasture and is expected to supply electricity to some 300,000 homes.',
      "Officials said the project is part of a plan to generate a quarter of the country's power from renewable sources by 2030.",
      'Battery storage will be added next year so that the plant can help meet evening demand.',
      'Engineers trained at the site will later work on two wind farms planned in the Navoi region.',
    ),
  },
  {
    slug: 'uzbekistan-solar-plant', lang: 'ru', hoursAgo: 3,
    title: 'Узбекистан запустил крупнейшую солнечную электростанцию под Самаркандом',
    text: s(
      'В понедельник солнечная электростанция мощностью 500 мегаватт под Самаркандом начала отдавать энергию в сеть, сообщило министерство энергетики Узбекистана.',
      'Станция занимает около тысячи гектаров бывших пастбищ и сможет обеспечить электричеством примерно 300 тысяч домов.',
      'По словам чиновников, проект входит в план, по которому к 2030 году четверть электроэнергии страны будет вырабатываться из возобновляемых источников.',
      'В следующем году на станции установят накопители, чтобы она помогала покрывать вечерний пик потребления.',
      'Инженеры, обученные здесь, затем будут работать на двух ветровых электростанциях в Навоийской области.',
    ),
  },
  {
    slug: 'uzbekistan-solar-plant', lang: 'ar', hoursAgo: 3,
    title: 'أوزبكستان تشغّل أكبر محطة للطاقة الشمسية قرب سمرقند',
    text: s(
      'بدأت محطة للطاقة الشمسية بقدرة 500 ميغاواط قرب سمرقند بتزويد الشبكة بالكهرباء يوم الاثنين، بحسب وزارة الطاقة الأوزبكية.',
      'وتمتد المحطة على نحو ألف هكتار من المراعي السابقة، ويتوقع أن تزود قرابة 300 ألف منزل بالكهرباء.',
      'وقال مسؤولون إن المشروع جزء من خطة لإنتاج ربع كهرباء البلاد من مصادر متجددة بحلول عام 2030.',
      'وستضاف بطاريات تخزين العام المقبل كي تساعد المحطة في تلبية الطلب المسائي على الكهرباء.',
      'وسيعمل المهندسون الذين تدربوا في الموقع لاحقاً على مشروعين لطاقة الرياح في منطقة نوائي.',
    ),
  },
  {
    slug: 'kazan-book-festival', lang: 'ru', hoursAgo: 6,
    title: 'В Казани открылся книжный фестиваль на трёх языках',
    text: s(
      'В Казани в субботу открылся ежегодный книжный фестиваль, на котором представлены книги на татарском, русском и английском языках.',
      'Более 120 издательств из Татарстана и соседних регионов привезли новинки прозы, поэзии и детской литературы.',
      'Отдельная площадка посвящена переводам классической татарской поэзии.',
      'Организаторы ожидают, что за три дня фестиваль посетят около 50 тысяч человек.',
      'Вход на все чтения и встречи с авторами бесплатный.',
    ),
  },
  {
    slug: 'kazan-book-festival', lang: 'en', hoursAgo: 6,
    title: 'Kazan book festival opens with titles in three languages',
    text: s(
      'An annual book festival opened in Kazan on Saturday with books in Tatar, Russian and English.',
      "More than 120 publishers from Tatarstan and neighbouring regions brought new fiction, poetry and children's books.",
      'A separate stage is devoted to translations of classical Tatar poetry.',
      'Organisers expect about 50,000 visitors over the three days.',
      'Admission to all readings and author talks is free.',
    ),
  },
  {
    slug: 'cairo-metro-line', lang: 'ar', hoursAgo: 9,
    title: 'القاهرة تفتتح مرحلة جديدة من الخط الثالث للمترو',
    text: s(
      'افتتحت السلطات المصرية مرحلة جديدة من الخط الثالث لمترو القاهرة تضم خمس محطات تربط وسط المدينة بالأحياء الغربية.',
      'وقالت وزارة النقل إن الخط الجديد سينقل نحو 300 ألف راكب يومياً ويخفف الازدحام على الطرق الرئيسية.',
      'وتبلغ تكلفة المرحلة نحو ملياري دولار مولتها قروض ميسرة واستثمارات حكومية.',
      'وسيعمل الخط من الخامسة صباحاً حتى منتصف الليل.',
      'ومن المنتظر أن تكتمل المرحلة الأخيرة من الخط العام المقبل.',
    ),
  },
  {
    slug: 'cairo-metro-line', lang: 'en', hoursAgo: 9,
    title: 'Cairo opens a new stretch of its third metro line',
    text: s(
      "Egyptian authorities opened a new stretch of Cairo's third metro line, adding five stations that link the city centre with the western districts.",
      'The transport ministry said the extension will carry about 300,000 passengers a day and ease congestion on the main roads.',
      'The section cost about two billion dollars, financed by soft loans and government investment.',
      'Trains will run from five in the morning until midnight.',
      'The final stretch of the line is due to open next year.',
    ),
  },
  {
    slug: 'caucasus-rail-freight', lang: 'en', hoursAgo: 14,
    title: 'Rail freight through Georgia and Azerbaijan doubles as a new trade corridor grows',
    text: s(
      "Freight carried by rail between the Caspian port of Baku and Georgia's Black Sea ports doubled in the first nine months of the year, railway officials in both countries said.",
      'Most of the cargo is grain, cotton and containers moving between Central Asia and Europe.',
      'Azerbaijan and Georgia have agreed to invest in new sidings and a larger container terminal at Poti.',
      'Exporters say the route saves about ten days compared with shipping around Europe.',
      'Tariffs for transit cargo will be cut by five percent from January.',
    ),
  },
  {
    slug: 'caucasus-rail-freight', lang: 'ru', hoursAgo: 14,
    title: 'Грузоперевозки по железной дороге через Грузию и Азербайджан выросли вдвое',
    text: s(
      'Объём грузов, перевезённых по железной дороге между каспийским портом Баку и черноморскими портами Грузии, за девять месяцев вырос вдвое, сообщили железнодорожники обеих стран.',
      'Основная часть грузов — зерно, хлопок и контейнеры, идущие из Центральной Азии в Европу и обратно.',
      'Азербайджан и Грузия договорились вложить средства в новые пути и крупный контейнерный терминал в Поти.',
      'По словам экспортёров, маршрут экономит около десяти дней по сравнению с морской доставкой вокруг Европы.',
      'С января тарифы на транзитные грузы снизят на пять процентов.',
    ),
  },
  {
    slug: 'jordan-desalination', lang: 'ar', hoursAgo: 5,
    title: 'الأردن يبدأ بناء مشروع لتحلية مياه البحر في العقبة',
    text: s(
      'بدأ الأردن أعمال بناء مشروع كبير لتحلية مياه البحر في العقبة لنقل المياه العذبة إلى عمّان ومدن أخرى.',
      'وقالت وزارة المياه إن المشروع سينتج نحو 300 مليون متر مكعب سنوياً عند اكتماله.',
      'ويعد الأردن من أكثر دول العالم شحاً في المياه، وقد تراجعت موارده الجوفية بسبب الجفاف والنمو السكاني.',
      'وستعمل المحطة جزئياً بالطاقة الشمسية لخفض الانبعاثات والتكاليف.',
      'ومن المتوقع أن تبدأ المياه بالوصول إلى العاصمة خلال أربع سنوات.',
    ),
  },
  {
    slug: 'jordan-desalination', lang: 'en', hoursAgo: 5,
    title: 'Jordan starts building a Red Sea desalination project at Aqaba',
    text: s(
      'Jordan has begun construction of a large desalination plant at Aqaba that will pipe fresh water to Amman and other cities.',
      'The water ministry said the project will produce about 300 million cubic metres a year once complete.',
      'Jordan is among the most water-scarce countries in the world, and drought and population growth have depleted its groundwater.',
      'The plant will run partly on solar power to cut emissions and costs.',
      'Water is expected to reach the capital within four years.',
    ),
  },
  {
    slug: 'jordan-desalination', lang: 'ru', hoursAgo: 5,
    title: 'Иордания начала строить опреснительный комплекс в Акабе',
    text: s(
      'Иордания приступила к строительству крупного опреснительного комплекса в Акабе, откуда пресная вода пойдёт по трубопроводу в Амман и другие города.',
      'По данным министерства водных ресурсов, после завершения комплекс будет давать около 300 миллионов кубометров воды в год.',
      'Иордания входит в число стран с самым острым дефицитом воды, а засуха и рост населения истощили её подземные запасы.',
      'Станция будет частично работать на солнечной энергии, чтобы сократить выбросы и расходы.',
      'Ожидается, что вода придёт в столицу через четыре года.',
    ),
  },
  {
    slug: 'kyrgyz-glaciers', lang: 'ru', hoursAgo: 20,
    title: 'Учёные: ледники Киргизии за полвека потеряли пятую часть площади',
    text: s(
      'Ледники Киргизии за последние пятьдесят лет сократились примерно на пятую часть, говорится в исследовании учёных из Бишкека.',
      'Исследователи сравнили спутниковые снимки и данные полевых экспедиций на Тянь-Шане.',
      'Таяние льда угрожает водоснабжению сельского хозяйства в Ферганской долине, где реки питаются ледниками.',
      'Авторы призывают страны региона совместно следить за ледниками и экономнее расходовать воду для полива.',
      'Новые измерения на двух крупных ледниках пройдут следующим летом.',
    ),
  },
  {
    slug: 'kyrgyz-glaciers', lang: 'en', hoursAgo: 20,
    title: "Kyrgyzstan's glaciers have lost a fifth of their area in half a century, scientists say",
    text: s(
      'Glaciers in Kyrgyzstan have shrunk by about a fifth over the past fifty years, according to a study by scientists in Bishkek.',
      'The researchers compared satellite images with data from field expeditions in the Tian Shan mountains.',
      'Melting ice threatens water for farming in the Fergana Valley, where rivers are fed by glaciers.',
      'The authors urge countries in the region to monitor glaciers together and use irrigation water more sparingly.',
      'New measurements on two large glaciers will take place next summer.',
    ),
  },
  // A story the help's search example (/search water Tajikistan) finds, in the three languages.
  {
    slug: 'tajik-water-sharing', lang: 'en', hoursAgo: 5,
    title: 'Tajikistan and its neighbours agree how to share Vakhsh water this summer',
    text: s(
      'Ministers from Tajikistan, Uzbekistan and Turkmenistan agreed how much water from the Vakhsh and the Amu Darya will reach farms this summer.',
      'Hydrologists from the three countries will check the schedule every month.',
      'Officials in Dushanbe said the Nurek reservoir holds more water than a year ago.',
    ),
  },
  {
    slug: 'tajik-water-sharing', lang: 'ru', hoursAgo: 5,
    title: 'Таджикистан и соседи договорились, как делить воду Вахша этим летом',
    text: s(
      'Министры Таджикистана, Узбекистана и Туркменистана договорились, сколько воды Вахша и Амударьи получат поля этим летом.',
      'Гидрологи трёх стран будут сверять график каждый месяц.',
      'В Душанбе сообщили, что в Нурекском водохранилище воды больше, чем год назад.',
    ),
  },
  {
    slug: 'tajik-water-sharing', lang: 'ar', hoursAgo: 5,
    title: 'طاجيكستان وجيرانها يتفقون على تقاسم المياه هذا الصيف',
    text: s(
      'اتفق وزراء من طاجيكستان وأوزبكستان وتركمانستان على حصص المياه من نهري وخش وأمو داريا للحقول هذا الصيف.',
      'وسيراجع خبراء المياه من البلدان الثلاثة الجدول كل شهر.',
      'وقال مسؤولون في دوشنبه إن مخزون سد نورك من المياه أعلى من العام الماضي.',
    ),
  },
  // The economy and security together (/search экономика security week).
  {
    slug: 'border-smuggling-economy', lang: 'ru', hoursAgo: 30,
    title: 'Контрабанда на границе бьёт по экономике: пограничники усилили контроль',
    text: s(
      'Пограничная служба и таможня усилили охрану границы после того, как контрабанда топлива нанесла экономике ущерб в миллионы долларов.',
      'Военные патрули и пограничники дежурят на постах круглосуточно.',
      'Министерство экономики ждёт роста поступлений в бюджет и торговли.',
    ),
  },
];
