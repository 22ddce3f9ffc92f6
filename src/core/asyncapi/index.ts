export { buildAsyncApiDocument, optionsFromPackageJson } from './document';
export type { AsyncApiOptions } from './document';
export { asyncApiAddress } from './address';
export { protocolOf, serversFromConfigs } from './servers';
export { asyncApiYaml } from './yaml';
