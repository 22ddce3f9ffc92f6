export function attachStatus(uploader, write = (s) => process.stdout.write(s + '\n')) {
  let done = 0;
  uploader.on('upload:done', () => write(`synced ${++done} files`));
  uploader.once('upload:failed', ({ file, status }) => write(`first failure: ${file} (${status})`));
}
