// The update builders moved to src/sandbox/bot-api/updates.ts (the sandbox builds its users' updates with them).
export * from '../../src/sandbox/bot-api/updates.ts';
