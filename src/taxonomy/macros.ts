import type { MacroRegionId } from './ids.ts';

const list = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * Fixed member lists, mostly after the UN M49 groupings (every country is in at least one), with the
 * product's own reading where news usage differs:
 * - Afghanistan is in both central-asia and south-asia: UN files it under Southern Asia, but readers
 *   following Central Asia (Tajikistan, Uzbekistan, Turkmenistan share its northern border) expect it.
 * - Egypt is in both north-africa and middle-east, and Mauritania in north-africa and
 *   sub-saharan-africa, as news desks and the UN respectively file them.
 * - The Gulf is the GCC; its six states are also in the Middle East.
 * - Russia is in europe, as M49 files it (Eastern Europe), and has an entry of its own in the wizard
 *   with its republics; the North Caucasus republics also form north-caucasus. Turkey is middle-east.
 * - Antarctica, which M49 leaves out, is in oceania; the southern islands go where M49 puts them.
 * - Mexico is both north-america and latin-america.
 */
export const MACRO_MEMBERS: Readonly<Record<MacroRegionId, readonly string[]>> = {
  'central-asia': list('KZ KG TJ TM UZ AF'),
  'south-caucasus': list('AM AZ GE'),
  'north-caucasus': list('RU-AD RU-CE RU-DA RU-IN RU-KB RU-KC RU-SE'),
  'middle-east': list('AE BH EG IL IQ IR JO KW LB OM PS QA SA SY TR YE'),
  gulf: list('AE BH KW OM QA SA'),
  'north-africa': list('DZ EG EH LY MA MR SD TN'),
  'sub-saharan-africa': list(`AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MR MU MW
    MZ NA NE NG RE RW SC SH SL SN SO SS ST SZ TD TG TZ UG YT ZA ZM ZW IO TF`),
  'south-asia': list('AF BD BT IN LK MV NP PK'),
  'southeast-asia': list('BN ID KH LA MM MY PH SG TH TL VN'),
  'east-asia': list('CN HK JP KP KR MN MO TW'),
  europe: list(`AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT
    LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK`),
  'north-america': list('BM CA GL MX PM US'),
  'latin-america': list(`AG AI AR AW BB BL BO BQ BR BS BZ CL CO CR CU CW DM DO EC FK GD GF GP GT GY HN HT JM KN
    KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI BV GS`),
  oceania: list('AQ AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS'),
};
