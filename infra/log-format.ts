// LOG_FORMAT: how log lines look. JSON is what log collectors read, so it is what every process
// writes unless a person is watching: `auto` (the default) turns pretty lines on only when stdout
// is a terminal, so CI, containers and files always get JSON; `pretty` asks for them regardless
// (`docker compose logs` in development); `json` never.

export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type TLogFormat = (typeof LOG_FORMATS)[number];

export function prettyLogs(format: TLogFormat, stdoutIsTty: boolean): boolean {
  if (format === 'json') return false;
  if (format === 'pretty') return true;
  return stdoutIsTty;
}
