export const TOPIC_IDS = [
  'politics',
  'security',
  'economy',
  'energy',
  'culture',
  'religion',
  'education',
  'technology',
  'health',
  'sports',
  'society',
  'environment',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export const MACRO_REGION_IDS = [
  'central-asia',
  'south-caucasus',
  'north-caucasus',
  'middle-east',
  'gulf',
  'north-africa',
  'sub-saharan-africa',
  'south-asia',
  'southeast-asia',
  'east-asia',
  'europe',
  'north-america',
  'latin-america',
  'oceania',
] as const;
export type MacroRegionId = (typeof MACRO_REGION_IDS)[number];

export type RegionKind = 'country' | 'subdivision' | 'macro';

/** Forms in each language, separated by '|'. */
export interface Forms {
  readonly en?: string;
  readonly ru?: string;
  readonly ar?: string;
}
/** Region or topic id → its forms. A form may end in '@w', its weight as evidence in article text (0: typed input only). */
export type AliasTable = Readonly<Record<string, Forms>>;
