import type { AliasTable } from '../ids.ts';

// In article text these name no country: they only keep their words from counting as one
// (Латинская Америка is not the US, South Africa's "Africa" is not a region of its own).
export const MACRO_ALIASES: AliasTable = {
  'central-asia': { en: 'Central Asia|Central Asian|Middle Asia', ru: 'Центральная Азия|Средняя Азия|центральноазиатский|среднеазиатский|ЦА@0', ar: 'آسيا الوسطى|وسط آسيا|آسيا الوسطي|دول آسيا الوسطى' },
  'south-caucasus': { en: 'South Caucasus|Southern Caucasus|Transcaucasia|Caucasus', ru: 'Южный Кавказ|Закавказье|закавказский|Кавказ', ar: 'جنوب القوقاز|القوقاز الجنوبي|القوقاز' },
  'north-caucasus': { en: 'North Caucasus|Northern Caucasus|North Caucasian|Caucasus', ru: 'Северный Кавказ|северокавказский|СКФО|Кавказ', ar: 'شمال القوقاز|القوقاز الشمالي|القوقاز' },
  'middle-east': { en: 'Middle East|Mideast|Near East|Middle Eastern|Levant', ru: 'Ближний Восток|ближневосточный|Средний Восток|Левант', ar: 'الشرق الأوسط|الشرق الاوسط|الشرق الأدنى|بلاد الشام|المشرق العربي' },
  gulf: { en: 'Gulf|Persian Gulf|Arabian Gulf|Gulf states|Gulf countries|GCC|Gulf Cooperation Council', ru: 'Персидский залив|страны Персидского залива|страны Залива|Залив|ССАГПЗ|Совет сотрудничества арабских государств Персидского залива', ar: 'الخليج|الخليج العربي|الخليج الفارسي|دول الخليج|دول الخليج العربي|مجلس التعاون الخليجي|مجلس التعاون لدول الخليج العربية|خليجي' },
  'north-africa': { en: 'North Africa|Northern Africa|North African|Maghreb', ru: 'Северная Африка|североафриканский|Магриб', ar: 'شمال أفريقيا|شمال إفريقيا|المغرب العربي|دول المغرب العربي' },
  'sub-saharan-africa': { en: 'Sub-Saharan Africa|Subsaharan Africa|Africa south of the Sahara|Black Africa|Africa|African', ru: 'Африка южнее Сахары|Тропическая Африка|Черная Африка|Африка|африканский', ar: 'أفريقيا جنوب الصحراء|إفريقيا جنوب الصحراء|أفريقيا السوداء|أفريقيا|إفريقيا|أفريقي|إفريقي' },
  'south-asia': { en: 'South Asia|South Asian|Indian subcontinent|subcontinent', ru: 'Южная Азия|южноазиатский|Индийский субконтинент', ar: 'جنوب آسيا|شبه القارة الهندية' },
  'southeast-asia': { en: 'Southeast Asia|South-East Asia|South East Asia|Southeast Asian|ASEAN', ru: 'Юго-Восточная Азия|юго-восточноазиатский|АСЕАН', ar: 'جنوب شرق آسيا|جنوب شرقي آسيا|آسيان' },
  'east-asia': { en: 'East Asia|East Asian|Far East', ru: 'Восточная Азия|восточноазиатский|Дальний Восток@0', ar: 'شرق آسيا|الشرق الأقصى' },
  europe: { en: 'Europe|European|EU|European Union', ru: 'Европа|европейский|Евросоюз|Европейский союз|ЕС', ar: 'أوروبا|أوربا|أوروبي|الاتحاد الأوروبي|الاتحاد الاوروبي' },
  'north-america': { en: 'North America|North American', ru: 'Северная Америка|североамериканский', ar: 'أمريكا الشمالية|أميركا الشمالية' },
  'latin-america': { en: 'Latin America|Latin American|South America|South American|Central America|Caribbean', ru: 'Латинская Америка|латиноамериканский|Южная Америка|южноамериканский|Центральная Америка|Карибский бассейн|Карибы', ar: 'أمريكا اللاتينية|أميركا اللاتينية|أمريكا الجنوبية|أميركا الجنوبية|أمريكا الوسطى|أميركا الوسطى|الكاريبي|البحر الكاريبي' },
  oceania: { en: 'Oceania|Pacific Islands|Australasia', ru: 'Океания|острова Тихого океана', ar: 'أوقيانوسيا|جزر المحيط الهادئ' },
};
