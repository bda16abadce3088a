import { describe, expect, it } from 'vitest';
import { createTopicClassifier, TOPIC_IDS, type TopicId } from '../../src/enrich/topics.ts';

// Short articles written for these tests, one per topic and language.
const FIXTURES: Record<TopicId, Record<'en' | 'ru' | 'ar', [title: string, text: string]>> = {
  politics: {
    en: ['Parliament backs election reform', 'MPs voted to change the electoral law before the general election. The opposition party said the prime minister had rushed the bill through the Commons.'],
    ru: ['Госдума приняла закон о выборах', 'Депутаты Госдумы приняли законопроект об изменении избирательного законодательства. Оппозиционные партии голосовали против.'],
    ar: ['البرلمان يصادق على قانون الانتخابات', 'صادق مجلس النواب على مشروع قانون الانتخابات بعد جلسة عامة صاخبة، فيما انتقدت أحزاب المعارضة الحكومة.'],
  },
  security: {
    en: ['Troops repel militant attack on base', 'Soldiers fought off an attack by militants armed with rockets. The army said two insurgents were killed and the bombing suspects detained.'],
    ru: ['Боевики обстреляли военную базу', 'Военнослужащие отразили нападение боевиков. Минобороны сообщило, что задержаны подозреваемые в подготовке теракта.'],
    ar: ['الجيش يحبط هجوما إرهابيا', 'أحبطت وحدات الجيش هجوما إرهابيا على ثكنة عسكرية، وقتل مسلحان في اشتباكات مع قوات الأمن.'],
  },
  economy: {
    en: ['Central bank raises interest rates', 'The central bank raised interest rates to curb inflation. Shares fell on the stock market as investors worried about slower economic growth.'],
    ru: ['Центробанк повысил ключевую ставку', 'Банк России повысил ключевую ставку из-за ускорения инфляции. Курс рубля укрепился, индексы на бирже снизились.'],
    ar: ['البنك المركزي يرفع سعر الفائدة', 'قرر البنك المركزي رفع سعر الفائدة للحد من التضخم، وتراجعت الأسهم في البورصة وسط مخاوف المستثمرين من تباطؤ النمو الاقتصادي.'],
  },
  energy: {
    en: ['New pipeline to carry natural gas', 'The pipeline will carry natural gas from offshore fields to a power station. The refinery nearby will also process crude from new oilfields.'],
    ru: ['Начато строительство газопровода', 'Газпром начал строительство газопровода к новому месторождению. Добыча газа и нефти в регионе вырастет, сообщили в Минэнерго.'],
    ar: ['محطة جديدة لتوليد الكهرباء', 'افتتحت وزارة الطاقة محطة لتوليد الكهرباء بالطاقة الشمسية، كما تخطط لزيادة إنتاج الغاز الطبيعي وتقليص استهلاك المحروقات.'],
  },
  culture: {
    en: ['Director wins top prize at film festival', 'The film about a jazz singer won the main award at the festival. The actress who played the singer thanked the director and the audience.'],
    ru: ['Фильм получил главный приз кинофестиваля', 'Картина режиссера о судьбе художника получила главный приз кинофестиваля. Актриса, сыгравшая главную роль, поблагодарила зрителей.'],
    ar: ['فيلم تونسي يفوز بجائزة المهرجان', 'فاز فيلم المخرج الشاب بالجائزة الكبرى في مهرجان قرطاج السينمائي، وأشادت الممثلة بدعم الجمهور والفنانين.'],
  },
  religion: {
    en: ['Pilgrims gather for prayers', 'Thousands of pilgrims gathered at the mosque for Friday prayers at the start of Ramadan. The imam called for tolerance between faiths.'],
    ru: ['Патриарх провел богослужение в храме', 'Патриарх Кирилл совершил литургию в кафедральном соборе. На богослужение пришли тысячи верующих и священников.'],
    ar: ['آلاف المصلين في صلاة العيد', 'أدى آلاف المصلين صلاة عيد الفطر في المساجد، ودعا خطيب الجامع إلى التسامح بعد انتهاء شهر رمضان والصيام.'],
  },
  education: {
    en: ['Pupils return to school', 'Pupils and teachers returned to classrooms as the school year began. The education minister promised new textbooks and more university places for students.'],
    ru: ['Школьники сдают ЕГЭ', 'Выпускники школ начали сдавать ЕГЭ. Министерство просвещения сообщило, что экзамен пройдет без нарушений, а вузы откроют прием абитуриентов.'],
    ar: ['انطلاق امتحانات الباكالوريا', 'انطلقت اليوم امتحانات الباكالوريا في المعاهد الثانوية، وأكد وزير التربية أن التلاميذ والأساتذة مستعدون للعودة المدرسية.'],
  },
  technology: {
    en: ['Smartphone maker unveils new chip', 'The company unveiled a faster processor for its smartphones and laptops. Its software update adds artificial intelligence features for users.'],
    ru: ['Представлен новый смартфон', 'Компания представила смартфон с новым процессором и приложением на основе искусственного интеллекта. Обновление программного обеспечения получат пользователи.'],
    ar: ['هاتف ذكي جديد بمعالج أسرع', 'كشفت الشركة عن هاتف ذكي جديد بمعالج أسرع وتطبيقات تعتمد على الذكاء الاصطناعي، مع تحديث لنظام التشغيل للمستخدمين.'],
  },
  health: {
    en: ['Hospitals prepare for flu outbreak', 'Doctors urged patients to get the flu vaccine as hospitals prepared for an outbreak. Health officials said the disease spreads fastest in winter.'],
    ru: ['Минздрав начал вакцинацию от гриппа', 'Минздрав начал вакцинацию от гриппа. Врачи больниц и поликлиник советуют пациентам сделать прививку до начала эпидемии.'],
    ar: ['وزارة الصحة تطلق حملة التلقيح', 'أطلقت وزارة الصحة حملة للتلقيح ضد الإنفلونزا في المستشفيات، ودعا الأطباء المرضى وكبار السن إلى أخذ اللقاح.'],
  },
  sports: {
    en: ['Striker scores twice as United win derby', 'The striker scored twice in the second half as United beat their rivals 3-1. The coach praised the goalkeeper after the match.'],
    ru: ['Нападающий оформил дубль в матче', 'Нападающий забил два гола, и команда обыграла соперника в матче чемпионата. Главный тренер похвалил вратаря и болельщиков.'],
    ar: ['المنتخب يفوز في تصفيات كأس العالم', 'فاز المنتخب على منافسه بهدفين في تصفيات كأس العالم، وسجل المهاجم الهدف الثاني في الشوط الثاني، وأشاد المدرب باللاعبين.'],
  },
  society: {
    en: ['Charities warn of rising homelessness', 'Charities say homelessness and poverty are rising among families with children. Volunteers at food banks report more pensioners asking for help.'],
    ru: ['Волонтеры помогают бездомным', 'Волонтеры благотворительного фонда раздают еду бездомным и малоимущим. Правозащитники говорят о росте бедности среди многодетных семей.'],
    ar: ['جمعيات تساعد العائلات المعوزة', 'وزعت جمعيات المجتمع المدني مساعدات على العائلات المعوزة والمسنين، وحذرت من تفاقم الفقر في الأحياء الشعبية.'],
  },
  environment: {
    en: ['Drought and floods blamed on climate change', 'Scientists say climate change is making droughts and floods more frequent. Environmental groups called for lower carbon emissions to protect wildlife.'],
    ru: ['Экологи требуют сократить выбросы', 'Экологи призвали сократить выбросы парниковых газов. Изменение климата приводит к засухам и наводнениям, а загрязнение рек угрожает природе.'],
    ar: ['التغير المناخي يهدد الغابات', 'حذرت منظمات البيئة من أن التغير المناخي والجفاف يهددان الغابات والحياة البرية، ودعت إلى الحد من التلوث والانبعاثات.'],
  },
};

describe('createTopicClassifier', () => {
  const classifier = createTopicClassifier();
  const classify = (title: string, text: string, lang: string, categories?: string[]) =>
    classifier.classify({ title, text, lang, ...(categories ? { categories } : {}) });

  for (const topic of TOPIC_IDS) {
    for (const lang of ['en', 'ru', 'ar'] as const) {
      it(`files a ${lang} ${topic} article under ${topic} first`, () => {
        const [title, text] = FIXTURES[topic][lang];
        expect(classify(title, text, lang)[0]?.id).toBe(topic);
      });
    }
  }

  it('returns scores in (0, 1], best first', () => {
    for (const topic of TOPIC_IDS) {
      const [title, text] = FIXTURES[topic].en;
      const scores = classify(title, text, 'en').map((s) => s.score);
      expect(scores.length).toBeGreaterThan(0);
      for (const s of scores) expect(s > 0 && s <= 1).toBe(true);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it('keeps a sports story that talks about money under sports', () => {
    const result = classify(
      'Club signs striker in record transfer',
      'The club paid a record fee of 80 million euros for the striker, whose salary makes him the best paid ' +
        'player in the league. The coach said the money was worth it if the team wins the championship.',
      'en',
    );
    expect(result[0]?.id).toBe('sports');
  });

  it('lets a feed category tip an ambiguous text', () => {
    const title = 'Deal announced';
    const text = 'The agreement was signed on Monday after long talks, officials said.';
    expect(classify(title, text, 'en', ['Sport'])[0]?.id).toBe('sports');
    expect(classify(title, text, 'en', ['Business'])[0]?.id).toBe('economy');
    expect(classify(title, text, 'ru', ['Экономика'])[0]?.id).toBe('economy');
    expect(classify(title, text, 'ar', ['اقتصاد'])[0]?.id).toBe('economy');
    expect(classify(title, text, 'en', ['Tech'])[0]?.id).toBe('technology');
  });

  it('returns nothing for an empty text', () => {
    expect(classify('', '', 'en')).toEqual([]);
  });

  it('returns nothing for a text with no topical vocabulary', () => {
    expect(classify('A quiet morning', 'He said that it was what they had wanted all along, and then left.', 'en')).toEqual([]);
  });

  it('matches Arabic written with diacritics and joined clitics', () => {
    const plain = classify('', 'تراجع الاقتصاد', 'ar');
    const marked = classify('', 'وَتَرَاجَعَ وَالاقْتِصَادُ', 'ar');
    expect(plain[0]?.id).toBe('economy');
    expect(marked[0]?.id).toBe('economy');
    expect(classify('', 'بالاقتصاد والبورصة', 'ar')[0]?.id).toBe('economy');
  });

  it('does not read an Arabic word that merely stems like a topic word as that topic', () => {
    // Snowball gives لبنان and فنان the same stem; the country is no artist.
    expect(classify('', 'زار الوفد لبنان', 'ar').find((s) => s.id === 'culture')).toBeUndefined();
  });

  it('gives an unlisted Arabic form that only shares a stem less weight than the listed word', () => {
    const weight = (text: string) =>
      classifier.explain({ title: '', text, lang: 'ar' }).reduce((sum, e) => sum + (e.adds.culture ?? 0), 0);
    // أثر "effect" stems like الأثرية "archaeological"; الرياضة and لها are everyday words of other topics.
    expect(weight('أثر')).toBeLessThan(weight('الأثرية'));
    expect(classify('', 'كان لها أثر واضح في وسط المدينة', 'ar')).toEqual([]);
  });

  it('does not read everyday words that stem like topic words as that topic', () => {
    const topicsOf = (text: string, lang: string) =>
      classifier.explain({ title: '', text, lang }).flatMap((e) => Object.keys(e.adds));
    // "authorities" is no author, "development" no green cause, "believe" no faith.
    const en = topicsOf('The authorities said development would continue, they believe.', 'en');
    expect(en.filter((t) => ['culture', 'environment', 'religion'].includes(t))).toEqual([]);
    expect(topicsOf('Как сообщалось ранее, международный и национальный', 'ru')).toEqual([]);
  });

  it('reads a bare match result as sport, but not a span of years', () => {
    expect(classify('Hawthorn 3-1 Millbrook', '', 'en')[0]?.id).toBe('sports');
    expect(classify('«Ротор» — «Сокол» 2:0, «Урал» 1-1', '', 'ru')[0]?.id).toBe('sports');
    expect(classify('The 2004-2005 plan', 'Figures for 1998-2003.', 'en')).toEqual([]);
  });

  it('explains which terms a topic came from', () => {
    const evidence = classifier.explain({ title: 'Central bank raises rates', text: '', lang: 'en' });
    expect(evidence.some((e) => e.key === 'central bank' && e.where === 'title' && (e.adds.economy ?? 0) > 0)).toBe(true);
  });
});
