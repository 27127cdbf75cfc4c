import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// Reads the Dockerfile and compose.yaml the way Docker would need them read for the deploy tests:
// compose's `${…}` interpolation and YAML merge keys, the Dockerfile's instructions by stage.

export const ROOT = path.join(__dirname, '..', '..');

export interface TComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  user?: string;
  ports?: string[];
  restart?: string;
}

export interface TComposeFile {
  services: Record<string, TComposeService>;
  [key: string]: unknown;
}

/**
 * compose's variable interpolation: `${NAME}`, `${NAME:-default}`, `${NAME-default}`,
 * `${NAME:?message}`, `${NAME?message}` and `$$`. A required variable that is missing throws its
 * message, as `docker compose` stops with it.
 */
export function interpolate(text: string, vars: Record<string, string | undefined>): string {
  return text.replace(/\$\$|\$\{(\w+)(?:(:?)([-?])([^}]*))?\}/g, (whole, name, colon, op, arg) => {
    if (whole === '$$') return '$';
    const value = vars[name];
    const missing = value === undefined || (colon === ':' && value === '');
    if (!missing) return value as string;
    if (op === '?') throw new Error(`required variable ${name} is missing a value: ${arg}`);
    return op === '-' ? arg : '';
  });
}

export function readCompose(vars: Record<string, string | undefined>): TComposeFile {
  const text = interpolate(fs.readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8'), vars);
  return parse(text, { merge: true }) as TComposeFile;
}

export interface TDockerStage {
  from: string;
  name?: string;
  /** Instructions after FROM, continuation lines joined: [keyword, rest]. */
  instructions: [string, string][];
}

export function readDockerfile(): TDockerStage[] {
  const text = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: TDockerStage[] = [];
  for (const line of lines) {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!keyword) throw new Error(`unreadable Dockerfile line: ${line}`);
    if (keyword.toUpperCase() === 'FROM') {
      const [from, as, name] = rest.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push([keyword.toUpperCase(), rest]);
    }
  }
  return stages;
}

/** The last value of an exec-form instruction (ENTRYPOINT, CMD) in a stage. */
export function execForm(stage: TDockerStage, keyword: string): string[] {
  const found = stage.instructions.filter(([k]) => k === keyword).at(-1);
  if (!found) throw new Error(`no ${keyword} in the stage from ${stage.from}`);
  return JSON.parse(found[1]) as string[];
}

/** The stage's ENV, in the `KEY=value …` form (values without spaces or quotes). */
export function stageEnv(stage: TDockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, rest] of stage.instructions) {
    if (k !== 'ENV') continue;
    for (const pair of rest.split(/\s+/)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new Error(`ENV in KEY=value form only: ${rest}`);
      env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return env;
}

/** The variables compose.yaml requires, with values that pass the configuration's checks. */
export const SAMPLE_COMPOSE_VARS = {
  POSTGRES_PASSWORD: 'compose-test-password',
  LINK_CODE_PEPPER: 'compose-test-link-code-pepper-0123456789abcdef',
  JOURNAL_KEY_SEAL_KEY: 'compose-test-journal-key-seal-key-0123456789ab',
};
