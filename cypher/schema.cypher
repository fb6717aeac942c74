// Constraints and indexes, applied at every start (src/db/migrate.ts). Each statement is
// idempotent (IF NOT EXISTS); statements are separated by semicolons.

// Every node label is identified by its `id`.
CREATE CONSTRAINT author_id IF NOT EXISTS FOR (n:Author) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;

// Name lookup (`author(name:)`) and name-only matching on import go through the normalized key.
CREATE INDEX author_name_key IF NOT EXISTS FOR (n:Author) ON (n.nameKey);
CREATE INDEX organization_name_key IF NOT EXISTS FOR (n:Organization) ON (n.nameKey);

// Paper identity across sources and the year filters.
CREATE INDEX paper_title_key IF NOT EXISTS FOR (n:Paper) ON (n.titleKey);
CREATE INDEX paper_year IF NOT EXISTS FOR (n:Paper) ON (n.year);
CREATE INDEX paper_doi IF NOT EXISTS FOR (n:Paper) ON (n.doi);
CREATE INDEX paper_arxiv_id IF NOT EXISTS FOR (n:Paper) ON (n.arxivId);
CREATE INDEX topic_code IF NOT EXISTS FOR (n:Topic) ON (n.code);

// Full-text search over author names and paper titles (Lucene; `authors(search:)`, `papers(search:)`).
CREATE FULLTEXT INDEX author_names IF NOT EXISTS FOR (n:Author) ON EACH [n.name];
CREATE FULLTEXT INDEX paper_titles IF NOT EXISTS FOR (n:Paper) ON EACH [n.title];
