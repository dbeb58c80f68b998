# syntax=docker/dockerfile:1
# One image for every app of the monorepo; APP picks the process (gateway, identity, planning, journal,
# attendance, reporting, dev-idp). The same image runs the one-shot commands:
#   node dist/deploy/db/provision.js                       create the database and the service roles
#   node dist/apps/<service>/src/database/migrate.js       apply a service's migrations
#   node dist/deploy/seed/main.js                          load the demo school
#   node dist/deploy/read-model/check.js [--school <id>]   compare the reports' totals with the services' counts
#   node dist/deploy/read-model/rebuild.js                 rebuild reporting's read model from the events, then check

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY tsconfig.json .swcrc ./
COPY apps apps
COPY libs libs
COPY deploy deploy
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ARG APP=gateway
ENV NODE_ENV=production \
    APP=${APP} \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules node_modules
COPY --from=build --chown=node:node /app/dist dist
USER node
EXPOSE 3000 8080
CMD ["sh", "-c", "exec node --enable-source-maps dist/apps/${APP}/src/main.js"]
