import { DataTypes, Model, Sequelize } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL ?? 'postgres://localhost/market');

export class Payout extends Model {
  declare id: number;
  declare sellerId: string;
  declare amountCents: number;
}

Payout.init(
  { id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true }, sellerId: DataTypes.STRING, amountCents: DataTypes.INTEGER },
  { sequelize, tableName: 'payouts' },
);
