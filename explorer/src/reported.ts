/**
 * What a source reported about an author, as a line for people. Kept apart from the graph's own
 * figures: a profile's h-index counts papers and citations this graph may not hold.
 */

/** "h-index 79, citations 347, papers 6": the figures a source gave, the ones it did not left out. */
export function reportedFigures(reported: { hIndex: number | null; citationCount: number | null; paperCount: number | null }): string {
  const figures: [string, number | null][] = [
    ['h-index', reported.hIndex],
    ['citations', reported.citationCount],
    ['papers', reported.paperCount],
  ];
  return figures
    .filter((entry): entry is [string, number] => entry[1] != null)
    .map(([name, value]) => `${name} ${value.toLocaleString('en')}`)
    .join(', ');
}
