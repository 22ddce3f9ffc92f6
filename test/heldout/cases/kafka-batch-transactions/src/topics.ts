export enum Topic {
  Debits = 'ledger.debits',
  Credits = 'ledger.credits',
  Balances = 'ledger.balances',
  DeadLetter = 'ledger.dlq',
}
