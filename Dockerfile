# dnevnik's image: README "Containers". `docker compose up` builds it from compose.yaml.
# Nothing is downloaded at build or run time beyond the npm registry: the Prisma client is
# generated against the project's stub schema engine (scripts/prisma-generate.js), and the engine
# download that @prisma/engines' own postinstall would start is skipped because
# PRISMA_SCHEMA_ENGINE_BINARY names an existing file. test/deploy/ checks this file and runs its
# start commands.

# --- build: production dependencies, the generated Prisma client and dist/ ------------------------
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV PRISMA_SCHEMA_ENGINE_BINARY=/app/scripts/no-schema-engine.sh \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false
# Only what `dnevnik` runs: the sources scripts/build.js compiles (its SOURCES), what bin/dnevnik.js
# compares dist/ with, and the install's own scripts. Tests, benchmarks and docs stay out.
COPY package.json package-lock.json tsconfig.json prisma.config.ts main.ts ./
COPY bin ./bin
COPY scripts ./scripts
COPY core ./core
COPY prisma ./prisma
COPY infra ./infra
COPY bots ./bots
COPY skills ./skills
COPY webhooks ./webhooks
COPY cli ./cli
COPY runtime ./runtime
# Production dependencies only: the same tree `npm ci` + `npm prune --omit=dev` would leave, without
# running the dev tools' install scripts (native compilers that may fetch headers). The postinstall
# step generates the Prisma client and compiles dist/; `npm run build` states it (and is quick).
RUN npm ci --omit=dev && npm run build && npm cache clean --force

# --- runtime -------------------------------------------------------------------------------------
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/app/data \
    PORT=3000
WORKDIR /app
# Root owns the code (the process cannot rewrite it); the unprivileged `node` user of the base
# image owns DATA_DIR only. One COPY keeps the files' times, which bin/dnevnik.js compares with
# dist/.build.json before running dist/.
COPY --from=build /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Readiness (database and Redis reachable) with node itself: the slim image has no curl. Worker
# containers serve no HTTP yet; compose.yaml turns this check off for them.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/dnevnik.js"]
CMD ["serve"]
