import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// Browser globals the pure domain layer must not touch (DESIGN §2): it runs in Node too.
const browserOnly = Object.keys(globals.browser).filter((name) => !(name in globals.es2021));

export default ts.config(
  {
    ignores: [
      'build/',
      'build-*/',
      '.svelte-kit/',
      'node_modules/',
      'static/questionnaires/',
      'test-results/',
      'playwright-report/',
      'bench/profile/',
      'src/lib/paraglide/'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      curly: ['error', 'multi-line'],
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ],
      // Maps and Dates here are local values or private queues, never reactive state.
      'svelte/prefer-svelte-reactivity': 'off',
      'svelte/button-has-type': 'error',
      'svelte/no-at-html-tags': 'error'
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    }
  },
  {
    // Routes use hash links built by our own helper; Kit's resolve() does not apply to '#/...'.
    files: ['**/*.svelte'],
    rules: { 'svelte/no-navigation-without-resolve': 'off' }
  },
  {
    files: ['src/lib/domain/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'svelte',
                'svelte/*',
                '$app/*',
                'dexie',
                'chart.js',
                'chart.js/*',
                'jspdf',
                'jspdf-autotable',
                'papaparse',
                '$lib/storage/*',
                '$lib/state/*',
                '$lib/charts/*',
                '$lib/reports/*',
                '$lib/components/*',
                '**/storage/**',
                '**/charts/**',
                '**/reports/**',
                '**/state/**',
                '**/components/**'
              ],
              message:
                'src/lib/domain is pure TypeScript (DESIGN §2): no UI, storage, chart or PDF code.'
            }
          ]
        }
      ],
      'no-restricted-globals': ['error', ...browserOnly]
    }
  },
  {
    files: ['src/lib/domain/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off' }
  }
);
