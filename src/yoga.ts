import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import { createContextFactory } from './context.js';
import { maskError } from './errors.js';
import type { Repositories } from './repositories/index.js';
import { schema } from './schema/index.js';

export const GRAPHQL_PATH = '/graphql';

/** The GraphQL server as a fetch handler: the HTTP entry point wraps it, tests call it directly. */
export interface YogaDependencies {
  repositories: Repositories;
  logger: Logger;
  /** Secrets that authorize writes; none: writes are refused. */
  apiTokens?: readonly string[];
}

export function createYogaServer({ repositories, logger, apiTokens = [] }: YogaDependencies) {
  return createYoga({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: createContextFactory(repositories, apiTokens),
    graphiql: { title: 'scholar-graph', defaultQuery: EXAMPLE_QUERY },
    landingPage: false,
    maskedErrors: { maskError },
    logging: {
      debug: (...args) => logger.debug(args),
      info: (...args) => logger.info(args),
      warn: (...args) => logger.warn(args),
      error: (...args) => logger.error(args),
    },
  });
}

const EXAMPLE_QUERY = /* GraphQL */ `# Which papers does Baixu Chen share with Junguang Jiang?
query SharedPapers {
  junguang: author(name: "Junguang Jiang") { id }
  author(name: "Baixu Chen") {
    name
    papers(first: 10) {
      totalCount
      edges { node { title publishedOn authors { name } } }
    }
  }
}
`;
