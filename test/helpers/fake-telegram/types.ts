export type * from '../../../src/sandbox/bot-api/types.ts';
