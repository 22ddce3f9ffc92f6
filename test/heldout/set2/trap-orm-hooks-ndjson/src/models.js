const mongoose = require('mongoose');

const exportSchema = new mongoose.Schema({ owner: String, status: String, rows: Number }, { timestamps: true });

exportSchema.post('save', function (doc) {
  console.log('export saved', doc._id);
});
exportSchema.pre('findOneAndUpdate', function () {
  this.set({ updatedAt: new Date() });
});

mongoose.connection.on('connected', () => console.log('mongo connected'));
mongoose.connection.on('disconnected', () => console.warn('mongo disconnected'));

module.exports = { Export: mongoose.model('Export', exportSchema) };
