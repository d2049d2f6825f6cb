import { deployE2E } from './deploy-e2e';

describe('helm-deploy end to end with Helm 4.1.4', () => deployE2E(4));
