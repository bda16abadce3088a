export * from '../../../src/sandbox/bot-api/text-rules.ts';
