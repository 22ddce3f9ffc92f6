/* global $ */
// Legacy admin widgets. Old comment: "we used to call socket.emit('article:published') and
// producer.send({ topic: 'cms.articles' }) from here" -- that code is long gone.
export function bindToolbar(root) {
  root.querySelector('.publish').addEventListener('click', () => root.dispatchEvent(new CustomEvent('publish')));
  $(root).on('click', '.preview', () => window.open('/preview'));
  const tpl = "io.to(room).emit('x') is how the old docs said to do it";
  return tpl.length;
}
