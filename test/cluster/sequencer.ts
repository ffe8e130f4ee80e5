// The cluster suite's order: Tilt replaces the helm release the other files test, so its file runs last.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class TiltLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isTilt = (f: TestSpecification) => f.moduleId.endsWith('/test/cluster/tilt.test.ts');
    return [...sorted.filter((f) => !isTilt(f)), ...sorted.filter(isTilt)];
  }
}
