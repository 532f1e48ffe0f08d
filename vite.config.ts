/**
 * Two library builds from one config (vite cannot emit several IIFE entries at once):
 * - `vite build`: unbundled-ish ESM per widget, lit/zod external, for npm and bundlers;
 * - `vite build --mode iife`: one self-contained file for a <script> tag (dist/sila.iife.js).
 * `vite` alone serves the demo in development.
 */
import { defineConfig } from 'vite';

// React (for the react entry) is always the host's copy, like @lit/react: optional peers.
const external = (id: string) => /^(lit|@lit\/|zod|idb-keyval)/.test(id) || /^react(\/|$)/.test(id);

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return { server: { open: false }, appType: 'mpa' };
  }
  if (mode === 'iife') {
    return {
      build: {
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        lib: { entry: 'src/index.ts', name: 'Sila', formats: ['iife'], fileName: () => 'sila.iife.js' },
      },
    };
  }
  return {
    build: {
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: {
        entry: {
          index: 'src/index.ts',
          'complaint-form': 'src/widgets/complaint-form/complaint-form.ts',
          'request-form': 'src/widgets/request-form/request-form.ts',
          rating: 'src/widgets/rating/rating.ts',
          'status-lookup': 'src/widgets/status-lookup/status-lookup.ts',
          contract: 'src/contract/index.ts',
          client: 'src/client/index.ts',
          react: 'src/react/index.ts',
        },
        formats: ['es'],
      },
      rolldownOptions: { external },
    },
  };
});
