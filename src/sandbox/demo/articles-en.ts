/** Demo articles in English told in one language only, written for the sandbox. */
import type { DemoArticle } from './types.ts';

const s = (...sentences: string[]) => sentences.join(' ');

export const ENGLISH_ARTICLES: readonly DemoArticle[] = [
  {
    slug: 'iran-school-earthquake-drill', lang: 'en', hoursAgo: 13,
    title: 'Iran holds a nationwide earthquake drill in schools',
    text: s(
      "Millions of pupils across Iran took part in a nationwide earthquake drill on Wednesday, the country's crisis management organisation said.",
      'Students practised taking cover under desks and leaving buildings along marked routes to open ground.',
      'Iran sits on several active fault lines, and strong earthquakes have caused heavy losses in the past.',
      'Officials said schools built before modern building codes will be reinforced over the next five years.',
      'Hospitals and fire services in Tehran also tested their emergency plans during the exercise.',
    ),
  },
  {
    slug: 'lebanon-municipal-elections', lang: 'en', hoursAgo: 21,
    title: 'Lebanon sets a date for municipal elections',
    text: s(
      "Lebanon's interior ministry has set a date next spring for municipal elections that have been postponed several times.",
      'Voters will choose councils in more than one thousand towns and cities, including Beirut and Tripoli.',
      'The ministry said polling stations will get backup power so that voting is not disrupted by electricity cuts.',
      'Observers from civil society groups will monitor the vote and the count.',
      'Candidates have two months to register once the official list of voters is published.',
    ),
  },
  {
    slug: 'baku-youth-climate-forum', lang: 'en', hoursAgo: 17,
    title: 'Baku hosts a youth forum on climate change and the Caspian Sea',
    text: s(
      'Young people from more than forty countries gathered in Baku for a forum on climate change and the future of the Caspian Sea.',
      'Scientists told the forum that the sea level has fallen markedly in recent years as rivers carry less water and evaporation rises.',
      'Participants proposed projects to clean beaches, protect seals and monitor water pollution.',
      "Azerbaijan's ecology ministry said the best proposals will receive small grants.",
      'The forum will meet again next year in another Caspian country.',
    ),
  },
  {
    slug: 'yerevan-startup-investment', lang: 'en', hoursAgo: 23,
    title: "Yerevan's tech startups draw record investment",
    text: s(
      'Technology startups in Armenia raised a record amount of venture funding this year, according to an industry association in Yerevan.',
      'Most of the money went to companies building software for translation, design and medical imaging.',
      'The government offers tax breaks to new technology firms and funds coding courses in regional towns.',
      'Founders say finding experienced software engineers is now their biggest challenge.',
      'Several firms plan to open offices in Gyumri and Vanadzor to hire local graduates.',
    ),
  },
  {
    slug: 'libya-oil-output', lang: 'en', hoursAgo: 6,
    title: "Libya's oil output reaches its highest level in a decade",
    text: s(
      "Libya's crude oil production has reached about 1.4 million barrels a day, its highest level in more than ten years, the National Oil Corporation said.",
      'The increase follows repairs to pipelines and the reopening of oil fields in the south-west.',
      "Oil provides almost all of Libya's export income and funds public salaries.",
      'The corporation said it plans to raise output further with foreign partners over the next three years.',
      'Analysts warn that the gains depend on keeping fields and ports free from disruption.',
    ),
  },
  {
    slug: 'algeria-universities-english', lang: 'en', hoursAgo: 9,
    title: 'Algerian universities expand teaching in English',
    text: s(
      "Algeria's higher education ministry has told universities to teach more science and engineering courses in English from the next academic year.",
      'Lecturers will be offered language training, and new textbooks are being prepared for students.',
      'Officials said the change will help graduates take part in international research and find jobs abroad and at home.',
      'Arabic and French will remain in use across many faculties.',
      'Student unions have asked for the change to be phased in gradually.',
    ),
  },
  {
    slug: 'uae-genomics-centre', lang: 'en', hoursAgo: 2,
    title: 'The UAE opens a genomics centre to study inherited diseases',
    text: s(
      'The United Arab Emirates has opened a genomics centre in Abu Dhabi to study inherited diseases common in the Gulf.',
      'Doctors will use genetic testing to diagnose rare conditions in children earlier and advise families.',
      'The centre has already sequenced genomes from tens of thousands of volunteers who agreed to share their data.',
      'Health officials said patient data will be stored in the country and protected by strict privacy rules.',
      'Hospitals across the Emirates will be able to refer patients to the centre from next month.',
    ),
  },
  {
    slug: 'ingushetia-towers', lang: 'en', hoursAgo: 11,
    title: 'Ingushetia restores medieval stone towers to draw visitors',
    text: s(
      "Ingushetia is restoring medieval stone towers in its mountain valleys to attract more tourists, the republic's culture ministry said.",
      'Work has been completed on a dozen towers in the Dzheyrakh district, some of them more than six hundred years old.',
      'Local craftsmen are using traditional methods and stone from nearby quarries.',
      'New guest houses and a visitor centre have opened along the road to the towers.',
      'Officials expect the number of visitors to the region to double within three years.',
    ),
  },
  {
    slug: 'aleppo-old-market', lang: 'en', hoursAgo: 14,
    title: "Traders return to a restored section of Aleppo's old market",
    text: s(
      "Traders have begun reopening shops in a restored section of the covered market in Aleppo's old city in Syria.",
      'The market, one of the oldest in the Middle East, was badly damaged during years of fighting.',
      'Craftsmen rebuilt stone arches and wooden doors using traditional techniques.',
      'Shopkeepers selling soap, spices and textiles said customers are slowly coming back.',
      'Restoration of other sections of the market is expected to continue for several years.',
    ),
  },
  {
    slug: 'samarkand-mosque-restoration', lang: 'en', hoursAgo: 20,
    title: 'Restorers finish work on a historic mosque in Samarkand',
    text: s(
      'Restorers in Uzbekistan have finished work on the tiled dome and minarets of a historic mosque in Samarkand.',
      "The mosque, built in the fifteenth century, is one of the city's best-known places of worship and prayer.",
      'Experts used original recipes for glazes to match the blue tiles of the dome.',
      'The mosque will reopen for Friday prayers and for visitors outside prayer times.',
      'Religious affairs officials said the restoration was funded by the state and private donors.',
    ),
  },
];
