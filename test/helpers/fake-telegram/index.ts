// The Bot API double now lives in the product (src/sandbox/bot-api/), where the sandbox runs it; tests keep this path.
export * from '../../../src/sandbox/bot-api/index.ts';
