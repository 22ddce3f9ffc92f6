module.exports = function registerUserHandlers(io, socket) {
  socket.on('user:join-kitchen', () => {
    socket.join('kitchen');
    socket.broadcast.emit('user:joined', { id: socket.id });
  });

  socket.on('disconnecting', () => {
    for (const room of socket.rooms) {
      if (room !== socket.id) socket.to(room).emit('user:left', { id: socket.id });
    }
  });
};
