// Lint: TypeScript's recommended rules plus lit's template checks.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'src/generated/',
      'bench/',
      'custom-elements.json',
      'test/frameworks/*/',
    ],
  }, // fixture apps: checked by their own tsc
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Parsed JSON answers in server tests are inspected field by field.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // chai's property assertions (expect(x).to.exist) read as expressions.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
