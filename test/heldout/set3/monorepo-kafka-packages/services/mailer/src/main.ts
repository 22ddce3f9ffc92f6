import { initBus, onEvents } from '@acme/bus';
import { Topics } from '@acme/contracts';

async function main() {
  await initBus();
  await onEvents('mailer', [Topics.MailRequested, Topics.InvoicePaid], async (topic, value) => {
    console.log(`[mailer] ${topic}`, value);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
