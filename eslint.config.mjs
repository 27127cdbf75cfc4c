import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'prisma/generated/', 'dist/', 'data/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-console': 'error',
    },
  },
  {
    // The naming rule (docs/conventions.md). Type checking is not needed: names only.
    files: ['**/*.ts'],
    ignores: ['test/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/naming-convention': [
        'error',
        { selector: 'typeAlias', format: ['PascalCase'] },
        // One name for the language of a text: TLang.
        {
          selector: 'typeAlias',
          filter: { regex: '(Lang|Language|Locale)$', match: true },
          format: null,
          custom: { regex: '^TLang$', match: true },
        },
        // What a factory is given: <Thing>Deps (collaborators) and <Thing>Options (tunables), interfaces without the T.
        {
          selector: ['interface', 'typeAlias'],
          filter: { regex: '(Deps|Dependencies|Opts|Options)$', match: true },
          format: ['PascalCase'],
          custom: { regex: '^(?!T[A-Z]).*(Deps|Options)$', match: true },
        },
        // A locale bundle is named for what it holds, T<Module>Texts: not TLocale or TStrings.
        {
          selector: ['interface', 'typeAlias'],
          filter: { regex: '(Locale|Strings|Messages)$', match: true },
          format: null,
          custom: { regex: 'Texts$', match: true },
        },
        { selector: 'interface', format: ['PascalCase'] },
        { selector: ['class', 'enum'], format: ['PascalCase'] },
      ],
    },
  },
);
