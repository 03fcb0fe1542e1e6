/** Finds the test runners of a worktree, one per language the project has. */
import { detectJavaScriptRunner } from './detect-javascript.ts';
import type { RunnerDetection } from './detection.ts';
import { detectPythonRunner } from './detect-python.ts';

/** A detection for JavaScript/TypeScript when the worktree has package.json or scripts, and for Python when it has .py files. */
export async function detectRunners(dir: string, root: string, files: readonly string[]): Promise<RunnerDetection[]> {
  const detections: RunnerDetection[] = [];
  if (files.some((path) => path === 'package.json' || /\.[cm]?[jt]sx?$/.test(path))) detections.push(await detectJavaScriptRunner(dir, files));
  if (files.some((path) => path.endsWith('.py'))) detections.push(await detectPythonRunner(dir, root, files));
  return detections;
}
