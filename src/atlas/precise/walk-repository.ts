/** The repository's TypeScript/JavaScript sources and tsconfig/jsconfig files, as the scan sees them. */
import { scanRepository } from '../scan/walk.ts';

const sourcePattern = /\.(?:[cm]?tsx?|[cm]?jsx?)$/i;
const configPattern = /(?:^|\/)(?:tsconfig|jsconfig)[^/]*\.json$/i;

/** Repository-relative paths with `/` separators, sorted. */
export interface RepositoryListing {
  sources: string[];
  configs: string[];
  /** Size in bytes of each source, to estimate a program's cost. */
  sizes: Map<string, number>;
}

/** Lists sources and configs under `root`, skipping node_modules and ignored paths like the index does. */
export function walkRepository(root: string): RepositoryListing {
  const listing: RepositoryListing = { sources: [], configs: [], sizes: new Map() };
  for (const file of scanRepository(root).files) {
    if (sourcePattern.test(file.path)) {
      listing.sources.push(file.path);
      listing.sizes.set(file.path, file.size);
    }
    else if (configPattern.test(file.path)) listing.configs.push(file.path);
  }
  listing.sources.sort();
  listing.configs.sort();
  return listing;
}
