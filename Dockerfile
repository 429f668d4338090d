# The app (worker + API + pages) for production. No build step: TypeScript runs through tsx.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The Prisma client is generated here; migrations run at start (scripts/setup.ts).
RUN PRISMA_SCHEMA_ENGINE_BINARY=/usr/local/bin/node npx prisma generate
ENV HBC_HOST=0.0.0.0 \
    HBC_DATA_DIR=/data \
    HBC_SAMPLE_DATA=false
VOLUME /data
EXPOSE 3000
CMD ["sh", "-c", "npx tsx scripts/setup.ts && exec npx tsx src/main.ts"]
