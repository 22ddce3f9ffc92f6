import { DataTypes, Model, Sequelize, type InferAttributes, type InferCreationAttributes, type CreationOptional } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL ?? 'postgres://localhost/claims', { logging: false });

export class Claim extends Model<InferAttributes<Claim>, InferCreationAttributes<Claim>> {
  declare id: string;
  declare status: string;
}
Claim.init({ id: { type: DataTypes.UUID, primaryKey: true }, status: DataTypes.STRING }, { sequelize, tableName: 'claims', timestamps: false });

export class OutboxMessage extends Model<InferAttributes<OutboxMessage>, InferCreationAttributes<OutboxMessage>> {
  declare id: CreationOptional<number>;
  declare topic: string;
  declare key: string | null;
  declare payload: object;
  declare sentAt: Date | null;
}
OutboxMessage.init(
  {
    id: { type: DataTypes.BIGINT, autoIncrement: true, primaryKey: true },
    topic: DataTypes.STRING,
    key: DataTypes.STRING,
    payload: DataTypes.JSONB,
    sentAt: { type: DataTypes.DATE, field: 'sent_at' },
  },
  { sequelize, tableName: 'outbox_messages', createdAt: 'created_at', updatedAt: false },
);
