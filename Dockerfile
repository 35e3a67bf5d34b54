# One image for the three services; docker-compose.yml picks the entry point per service.
# Node 24, an LTS line (Node 20 reached its end of life in April 2026); development still works on Node 20.19
# and later (package.json engines), which is what mongoose, mongodb and bson need.
FROM node:24-bookworm-slim AS build
WORKDIR /repo
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build --projects=api-gateway,parser-service,storage-service,admin

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /repo/dist/apps ./dist/apps
# The admin command (credentials, KEK rotation) runs from the same image: docs/operations.md.
COPY --from=build /repo/dist/tools/admin ./dist/tools/admin
# Mount points of the bus volumes, owned by the services' user so that a new named volume inherits it.
RUN mkdir -p /bus /creds/gateway /creds/parser /creds/storage /creds/admin /creds/observer /run/certhub \
  && chown -R node:node /bus /creds /run/certhub
USER node
# Overridden per service in docker-compose.yml.
CMD ["node", "--enable-source-maps", "dist/apps/api-gateway/main.js"]
