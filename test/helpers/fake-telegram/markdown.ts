export * from '../../../src/sandbox/bot-api/markdown.ts';
