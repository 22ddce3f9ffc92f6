export { CrmEvent } from './names';
export { EventBus } from './bus';
