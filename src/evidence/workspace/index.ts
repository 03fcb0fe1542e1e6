/** Isolated git worktrees for `check`, their clean-up after crashes, and a guard on the user's tree. */
export { cleanupStaleWorkspaces } from './cleanup-stale.ts';
export type { WorkspaceOptions, Workspaces } from './create-workspaces.ts';
export { createWorkspaces } from './create-workspaces.ts';
export { findDependencyFolders, linkDependencies } from './link-dependencies.ts';
export { repositoryTopLevel, resolveCommit } from './repository.ts';
export type { FileStamp, TreeDifference, TreeSnapshot } from './snapshot.ts';
export { compareSnapshots, snapshotUserTree } from './snapshot.ts';
