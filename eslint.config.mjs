import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import layering from './scripts/lint/no-server-only-import.mjs';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'lib/generated/**',
    '.data/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'import/no-anonymous-default-export': 'off',
    },
  },
  {
    // Imports only go down (lib/data/README.md): routes → lib/actions → lib/data → lib/auth and the pure libraries.
    // Tests may reach up (a lib test drives a route handler).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './components',
              from: './app',
              message:
                'Components do not import from app/: take server actions from lib/actions/<entity>.ts or as props.',
            },
            {
              target: './components',
              from: './lib/data',
              message:
                'Components do not import lib/data: pages pass the data down; shared types live in lib/validation.',
            },
            {
              target: './lib/auth',
              from: './lib/data',
              message:
                'lib/auth is pure: session lookups live in lib/data/sessions and are called by the route wrapper and pages.',
            },
            { target: './lib', from: ['./app', './components'], message: 'lib/ never imports routes or components.' },
            {
              target: './lib/data',
              from: './lib/actions',
              message: 'lib/data is below lib/actions: actions call data functions, not the other way.',
            },
            {
              target: ['./lib/data', './lib/auth', './lib/publishing', './lib/validation', './lib/editor'],
              from: './lib/api',
              message: 'lib/api (the route wrapper) is above the data layer: what both need lives below it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Client modules (components/, and any 'use client' module elsewhere) never import a server-only module.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { factmark: layering },
    rules: { 'factmark/no-server-only-import': 'error' },
  },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      // Also when the path does not resolve (a typo, a file not written yet).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app', '@/app/*'], message: 'Components do not import from app/.' },
            { group: ['@/lib/data', '@/lib/data/*'], message: 'Components do not import lib/data.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/auth/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/data', '@/lib/data/*', '../data', '../data/*'],
              message: 'lib/auth is pure: it never imports lib/data.',
            },
          ],
        },
      ],
    },
  },
  {
    // One validated env module: only lib/env.ts reads process.env; the app asks it (scripts, benchmarks,
    // tests and config files run outside the app and read their own).
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    ignores: ['lib/env.ts', 'scripts/**', 'bench/**', 'e2e/**', '**/*.test.ts', '*.config.ts', '*.config.mjs'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read the environment through lib/env.ts (validated, one place).',
        },
      ],
    },
  },
]);
