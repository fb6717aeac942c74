import type { Driver } from 'neo4j-driver';

/**
 * Removes everything an analytics run writes (author figures, communities, runs), so that a test
 * that ran one leaves the shared test database as the other files expect it.
 */
export async function removeAnalytics(driver: Driver, database: string): Promise<void> {
  await driver.executeQuery(
    `MATCH (a:Author) WHERE a.analyticsRun IS NOT NULL
     REMOVE a.analyticsRun, a.analyticsCommunity, a.analyticsPageRank, a.analyticsBetweenness, a.analyticsCoreNumber, a.analyticsClustering`,
    {},
    { database },
  );
  await driver.executeQuery('MATCH (n) WHERE n:Community OR n:AnalyticsRun OR n:AnalyticsLock DETACH DELETE n', {}, { database });
}
