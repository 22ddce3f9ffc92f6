module.exports = {
  LEDGER_STREAM: 'stream:ledger',
  AUDIT_STREAM: 'stream:audit',
  GROUP: 'ledger-projector',
};
