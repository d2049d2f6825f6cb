import { deployE2E } from './deploy-e2e';

describe('helm-deploy end to end with Helm 3.17.3', () => deployE2E(3));
