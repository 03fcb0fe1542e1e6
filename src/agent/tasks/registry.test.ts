import { describe, expect, it } from 'vitest';
import { taskFamilies } from '../../core/task.ts';
import { taskDefinition } from './registry.ts';

describe('task registry', () => {
  it('has a definition for every family, with tags, instructions and a success check', () => {
    for (const family of taskFamilies) {
      const definition = taskDefinition(family);
      expect(definition).toMatchObject({ specificationVersion: 'v1', family });
      expect(definition.instructions({ family, text: 'the request', target: 'src/a.ts', toLanguage: 'python' }).length).toBeGreaterThan(100);
      expect(typeof definition.doCheckSuccess).toBe('function');
    }
    expect(taskFamilies.filter((family) => taskDefinition(family).toolAccess === 'read-only')).toEqual(['ask']);
    expect(taskFamilies.filter((family) => !taskDefinition(family).changesCode)).toEqual(['ask']);
  });
});
