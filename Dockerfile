# The server image for docker-compose.yml. Neo4j runs in its own container there.
# Build stage: compile src/ to dist/ (production runs JavaScript, no TypeScript loader) and the
# explorer page to explorer/dist (Vite). Scripts are skipped at install: `prepare` would build
# the explorer before its sources are copied in.
# Node 24 LTS, the major CI tests besides the machine's own (.ci/fetch-node.sh; the unit test
# test/unit/versions.test.ts keeps the two together). The tag follows 24.x patch releases.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY explorer ./explorer
RUN npm run build

FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts
COPY --from=build /app/dist ./dist
COPY --from=build /app/explorer/dist ./explorer/dist
COPY cypher ./cypher
COPY schema ./schema
USER node
EXPOSE 4000
CMD ["node", "dist/index.js"]
