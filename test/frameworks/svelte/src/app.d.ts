/// <reference types="sila-widgets/svelte" />
// (the line above is what docs/frameworks/svelte.md asks of an app)
export {};
