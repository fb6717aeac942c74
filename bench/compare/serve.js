// What both contenders share: a driver whose Cypher statements are counted, and an HTTP server
// that serves a yoga instance on /graphql and the count on GET /stats. Configured like the
// project's server, from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, HOST and PORT.
import { createServer } from 'node:http';
import neo4j, { Session, Transaction } from 'neo4j-driver';

export const stats = { requests: 0, statements: 0 };

// Count at the driver's two entry points for a statement (auto-commit and transaction `run`;
// managed transactions call the latter), so no code path of the contender escapes the count.
for (const Class of [Session, Transaction]) {
  const run = Class.prototype.run;
  Class.prototype.run = function countedRun(...args) {
    stats.statements++;
    return run.apply(this, args);
  };
}

export const database = process.env.NEO4J_DATABASE ?? 'neo4j';

export function createDriver() {
  return neo4j.driver(
    process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'scholar-graph'),
  );
}

/** Serves `yoga` on /graphql, GET /stats and GET /ready; resolves once listening. */
export function serve(yoga, driver) {
  const server = createServer((request, response) => {
    if (request.url === '/stats') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
    } else if (request.url === '/ready') {
      driver.getServerInfo({ database }).then(
        () => response.writeHead(200).end('ready'),
        () => response.writeHead(503).end('not ready'),
      );
    } else {
      // Counted when done, answered or abandoned (autocannon drops in-flight requests at its deadline).
      if (request.url?.startsWith('/graphql')) response.once('close', () => stats.requests++);
      yoga(request, response);
    }
  });
  const stop = () => server.close(() => driver.close().then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return new Promise((resolve) =>
    server.listen(Number(process.env.PORT ?? 4100), process.env.HOST ?? '127.0.0.1', () => resolve(server)),
  );
}
