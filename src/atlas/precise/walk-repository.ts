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
  const scan = scanRepository(root);
  for (const file of scan.files) {
    if (sourcePattern.test(file.path)) {
      listing.sources.push(file.path);
      listing.sizes.set(file.path, file.size);
    }
  }
  listing.configs.push(...scan.configs.filter((path) => configPattern.test(path)));
  listing.sources.sort();
  listing.configs.sort();
  return listing;
}
