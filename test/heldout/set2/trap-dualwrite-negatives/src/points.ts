import { prisma, producer, local, log, appendAudit, POINTS_TOPIC } from './infra.js';

// Either records the points locally (when the member is known) or forwards them to the partner program;
// never both on one path.
export async function award(memberId: string | null, partnerRef: string, points: number): Promise<void> {
  if (memberId) {
    await prisma.pointsEntry.create({ data: { memberId, points } });
    local.emit('points-awarded', { memberId, points });
    return;
  }
  await producer.send({ topic: POINTS_TOPIC, messages: [{ key: partnerRef, value: String(points) }] });
}

// Pure publish: nothing is stored here; the tier itself was saved by the nightly job.
export async function announceTier(memberId: string, tier: string): Promise<void> {
  await producer.send({ topic: 'loyalty.tier-changed', messages: [{ key: memberId, value: tier }] });
  log.info({ memberId, tier }, 'tier announced');
}

export async function rebuildBalances(): Promise<number> {
  const members = await prisma.member.findMany({ select: { id: true } });
  for (const m of members) {
    const sum = await prisma.pointsEntry.aggregate({ where: { memberId: m.id }, _sum: { points: true } });
    await prisma.member.update({ where: { id: m.id }, data: { balance: sum._sum.points ?? 0 } });
  }
  local.emit('balances-rebuilt', members.length);
  return members.length;
}
