// Svelte 5 defaults; its presence stops svelte-check from reading the repository's vite.config.ts.
export default {};
