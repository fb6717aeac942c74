// Constraints and indexes, applied at every start (src/db/migrate.ts). Each statement is
// idempotent (IF NOT EXISTS); statements are separated by semicolons.

// Every node label is identified by its `id`.
CREATE CONSTRAINT author_id IF NOT EXISTS FOR (n:Author) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;

// The OpenAlex snapshot parts and merged-id files applied (src/ingest/snapshot/state.ts).
CREATE CONSTRAINT snapshot_part_id IF NOT EXISTS FOR (n:SnapshotPart) REQUIRE n.id IS UNIQUE;

// Name lookup (`author(name:)`) and name-only matching on import go through the normalized key.
CREATE INDEX author_name_key IF NOT EXISTS FOR (n:Author) ON (n.nameKey);
CREATE INDEX organization_name_key IF NOT EXISTS FOR (n:Organization) ON (n.nameKey);
// Names placed with the pair model keep the prior they were placed with (import/placed-names).
CREATE INDEX author_placed_prior IF NOT EXISTS FOR (n:Author) ON (n.placedPrior);
// Two imports never place name-only authorships at once (import/lock-placement).
CREATE CONSTRAINT placement_lock_name IF NOT EXISTS FOR (n:PlacementLock) REQUIRE n.name IS UNIQUE;
// A spelling merged into an author (fix/merge-authors) keeps leading to them.
CREATE CONSTRAINT author_alias_name_key IF NOT EXISTS FOR (n:AuthorAlias) REQUIRE n.nameKey IS UNIQUE;
// Every name, label, alias and acronym of a registry organization (`import ror`) leads to it:
// (:OrganizationAlias {nameKey})-[:ALIAS_OF]->(:Organization), one node per key (a key several
// organizations share leads to each), the indexed form of Organization.aliasKeys, since Neo4j
// indexes no element of a list property (import/resolve-organizations).
CREATE CONSTRAINT organization_alias_name_key IF NOT EXISTS FOR (n:OrganizationAlias) REQUIRE n.nameKey IS UNIQUE;
// An OpenAlex id merged into another author or work (OpenAlex's merged_ids, or fix/merge-authors of
// two authors with different OpenAlex ids) keeps leading there: `author(openalexId:)`,
// `paper(openalexId:)` and the importer's resolution (import/resolve-authors, resolve-papers) follow
// (:AuthorAlias {openalexId})-[:ALIAS_OF]->(:Author) and (:PaperAlias {openalexId})-[:ALIAS_OF]->(:Paper).
CREATE CONSTRAINT author_alias_openalex_id IF NOT EXISTS FOR (n:AuthorAlias) REQUIRE n.openalexId IS UNIQUE;
CREATE CONSTRAINT paper_alias_openalex_id IF NOT EXISTS FOR (n:PaperAlias) REQUIRE n.openalexId IS UNIQUE;

// An operator's answer to an identity suggestion (fix/record-identity-decision): one per pair of
// authors (pairKey: their ids sorted), which keeps the pair out of `identitySuggestions`.
CREATE CONSTRAINT identity_decision_id IF NOT EXISTS FOR (n:IdentityDecision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT identity_decision_pair IF NOT EXISTS FOR (n:IdentityDecision) REQUIRE n.pairKey IS UNIQUE;
CREATE INDEX identity_decision_name_key IF NOT EXISTS FOR (n:IdentityDecision) ON (n.nameKey);

// Plain indexes of earlier versions, replaced by the uniqueness constraints below.
DROP INDEX paper_doi IF EXISTS;
DROP INDEX paper_arxiv_id IF EXISTS;

// External ids identify a node across sources: one node per id (importers MERGE on them, and a
// concurrent import that races another fails on these and retries instead of duplicating).
CREATE CONSTRAINT author_openalex_id IF NOT EXISTS FOR (n:Author) REQUIRE n.openalexId IS UNIQUE;
CREATE CONSTRAINT author_orcid IF NOT EXISTS FOR (n:Author) REQUIRE n.orcid IS UNIQUE;
CREATE CONSTRAINT author_openreview_id IF NOT EXISTS FOR (n:Author) REQUIRE n.openreviewId IS UNIQUE;
CREATE CONSTRAINT paper_doi_unique IF NOT EXISTS FOR (n:Paper) REQUIRE n.doi IS UNIQUE;
CREATE CONSTRAINT paper_openalex_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.openalexId IS UNIQUE;
CREATE CONSTRAINT paper_arxiv_id_unique IF NOT EXISTS FOR (n:Paper) REQUIRE n.arxivId IS UNIQUE;
CREATE CONSTRAINT paper_openreview_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.openreviewId IS UNIQUE;
CREATE CONSTRAINT organization_ror IF NOT EXISTS FOR (n:Organization) REQUIRE n.ror IS UNIQUE;
CREATE CONSTRAINT organization_openalex_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.openalexId IS UNIQUE;

// Paper identity by title (with a year and author check) and the year filters.
CREATE INDEX paper_title_key IF NOT EXISTS FOR (n:Paper) ON (n.titleKey);
CREATE INDEX paper_year IF NOT EXISTS FOR (n:Paper) ON (n.year);
CREATE INDEX topic_code IF NOT EXISTS FOR (n:Topic) ON (n.code);

// Full-text search (Lucene; `authors`, `organizations`, `papers`, `topics` with `search:`, ranked as
// src/domain/search.ts says). Over the normalized keys, so that the index's words are the words the
// ranking compares (case, accents and punctuation folded). Topics carry no key: their names, folded
// by the analyzer. The earlier indexes over the raw names and titles go.
DROP INDEX author_names IF EXISTS;
DROP INDEX paper_titles IF EXISTS;
CREATE FULLTEXT INDEX author_name_keys IF NOT EXISTS FOR (n:Author) ON EACH [n.nameKey];
CREATE FULLTEXT INDEX organization_name_keys IF NOT EXISTS FOR (n:Organization) ON EACH [n.nameKey];
CREATE FULLTEXT INDEX paper_title_keys IF NOT EXISTS FOR (n:Paper) ON EACH [n.titleKey];
CREATE FULLTEXT INDEX topic_names IF NOT EXISTS FOR (n:Topic) ON EACH [n.name] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};

// Collaboration analytics (src/analytics/run.ts): runs by number, communities by run and number,
// an author's community members, and authors ordered by PageRank or betweenness.
CREATE CONSTRAINT analytics_run_id IF NOT EXISTS FOR (n:AnalyticsRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE INDEX community_run IF NOT EXISTS FOR (n:Community) ON (n.run, n.community);
CREATE INDEX author_analytics_community IF NOT EXISTS FOR (n:Author) ON (n.analyticsCommunity);
CREATE INDEX author_analytics_page_rank IF NOT EXISTS FOR (n:Author) ON (n.analyticsPageRank);
CREATE INDEX author_analytics_betweenness IF NOT EXISTS FOR (n:Author) ON (n.analyticsBetweenness);
