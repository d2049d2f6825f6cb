import { rollbackE2E } from './rollback-e2e';

describe('helm-rollback end to end with Helm 4.1.4', () => rollbackE2E(4));
