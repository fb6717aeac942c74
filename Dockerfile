# The server image for docker-compose.yml. Neo4j runs in its own container there.
FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY cypher ./cypher
COPY schema ./schema
USER node
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/index.ts"]
