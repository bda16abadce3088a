export * from '../../../src/sandbox/bot-api/html.ts';
