const orders = new Map();

module.exports = (io, socket) => {
  const createOrder = (payload, callback) => {
    const id = String(orders.size + 1);
    orders.set(id, payload);
    io.to('kitchen').emit('order:created', { id, ...payload });
    callback({ id });
  };

  const readOrder = (orderId, callback) => {
    callback(orders.get(orderId) || null);
  };

  socket.on('order:create', createOrder);
  socket.on('order:read', readOrder);
};
