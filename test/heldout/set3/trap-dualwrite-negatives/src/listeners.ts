import { domainEvents } from './infra';

domainEvents.on('account.renamed', ({ accountId, name }) => {
  console.log(`account ${accountId} is now called ${name}`);
});
