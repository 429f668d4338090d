# The app (worker + API + pages) for production. No build step: TypeScript runs through tsx.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The Prisma clients (SQLite and PostgreSQL) are generated here. The database is migrated by
# the app itself at every start (src/main.ts, src/prisma-offline.ts migrateDatabase).
RUN npx tsx scripts/setup.ts --generate-only
# Production: the app refuses to start without its own HBC_SESSION_SECRET (docs/operations.md).
ENV HBC_ENV=production \
    HBC_HOST=0.0.0.0 \
    HBC_DATA_DIR=/data \
    HBC_SAMPLE_DATA=false
VOLUME /data
EXPOSE 3000
# node itself is PID 1, so `docker stop` (SIGTERM) reaches the app, which stops the HTTP
# server and the worker before it exits.
CMD ["node", "--import", "tsx", "src/main.ts"]
