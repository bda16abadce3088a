/**
 * Areas people name that span borders and are no region of the taxonomy: typed, they are answered
 * with the regions they lie in, the one most news about the name concerns first ("Kurdistan" is
 * most often Iraq's Kurdistan Region). Forms are matched after normalize(), in the three languages.
 */
export interface Area {
  readonly forms: readonly string[];
  readonly regions: readonly string[];
}

export const AREAS: readonly Area[] = [
  { forms: ['kurdistan', 'kurdish region', 'курдистан', 'كردستان', 'كوردستان', 'إقليم كردستان'], regions: ['IQ', 'TR', 'IR', 'SY'] },
  { forms: ['fergana valley', 'ferghana', 'fergana', 'ферганская долина', 'фергана', 'وادي فرغانة', 'فرغانة'], regions: ['UZ', 'KG', 'TJ'] },
  { forms: ['balochistan', 'baluchistan', 'белуджистан', 'بلوشستان'], regions: ['PK', 'IR', 'AF'] },
  { forms: ['kashmir', 'кашмир', 'كشمير'], regions: ['IN', 'PK'] },
  { forms: ['levant', 'левант', 'بلاد الشام', 'الشام', 'المشرق'], regions: ['SY', 'LB', 'JO'] },
  { forms: ['ossetia', 'осетия', 'أوسيتيا'], regions: ['RU-SE', 'GE'] },
  { forms: ['circassia', 'черкесия', 'شركيسيا'], regions: ['RU-KB', 'RU-KC', 'RU-AD'] },
  { forms: ['sahel', 'сахель', 'الساحل الأفريقي', 'منطقة الساحل'], regions: ['ML', 'NE', 'BF'] },
  { forms: ['western sahara', 'западная сахара', 'الصحراء الغربية'], regions: ['EH', 'MA'] },
  { forms: ['nagorno-karabakh', 'nagorno karabakh', 'karabakh', 'нагорный карабах', 'карабах', 'ناغورنو كاراباخ', 'كاراباخ', 'قره باغ'], regions: ['AZ', 'AM'] },
];
