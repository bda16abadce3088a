import { CULTURE } from './culture.ts';
import { ECONOMY } from './economy.ts';
import { EDUCATION } from './education.ts';
import { ENERGY } from './energy.ts';
import { ENVIRONMENT } from './environment.ts';
import { HEALTH } from './health.ts';
import { POLITICS } from './politics.ts';
import { RELIGION } from './religion.ts';
import { SECURITY } from './security.ts';
import { SOCIETY } from './society.ts';
import { SPORTS } from './sports.ts';
import { TECHNOLOGY } from './technology.ts';

/** Hand-written vocabulary per topic, keyed by topic id; see types.ts for the format. */
export const TOPIC_LEXICONS = {
  politics: POLITICS,
  security: SECURITY,
  economy: ECONOMY,
  energy: ENERGY,
  culture: CULTURE,
  religion: RELIGION,
  education: EDUCATION,
  technology: TECHNOLOGY,
  health: HEALTH,
  sports: SPORTS,
  society: SOCIETY,
  environment: ENVIRONMENT,
};
