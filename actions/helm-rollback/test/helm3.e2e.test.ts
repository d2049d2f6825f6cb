import { rollbackE2E } from './rollback-e2e';

describe('helm-rollback end to end with Helm 3.17.3', () => rollbackE2E(3));
