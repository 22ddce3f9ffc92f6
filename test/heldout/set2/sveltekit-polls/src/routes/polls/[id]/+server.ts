import { json, type RequestHandler } from '@sveltejs/kit';
import { PrismaClient } from '@prisma/client';
import { redis, pollChannel } from '$lib/server/redis';

const prisma = new PrismaClient();

export const POST: RequestHandler = async ({ params, request }) => {
  const { optionId } = (await request.json()) as { optionId: string };
  const vote = await prisma.vote.create({ data: { pollId: params.id!, optionId } });
  await redis.publish(pollChannel(params.id!), JSON.stringify({ optionId }));
  return json(vote, { status: 201 });
};
