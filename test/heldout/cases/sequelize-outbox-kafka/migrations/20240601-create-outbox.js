'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('claims', {
      id: { type: Sequelize.UUID, primaryKey: true },
      status: { type: Sequelize.STRING, allowNull: false },
    });
    await queryInterface.createTable('outbox_messages', {
      id: { type: Sequelize.BIGINT, autoIncrement: true, primaryKey: true },
      topic: { type: Sequelize.STRING, allowNull: false },
      key: { type: Sequelize.STRING },
      payload: { type: Sequelize.JSONB, allowNull: false },
      sent_at: { type: Sequelize.DATE },
      created_at: { type: Sequelize.DATE, allowNull: false, defaultValue: Sequelize.fn('now') },
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable('outbox_messages');
    await queryInterface.dropTable('claims');
  },
};
