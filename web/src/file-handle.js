// A Node.js FileHandle (`await fs.promises.open(path)`) read at explicit places into buffers
// used again. Reading a file whole (`readFileSync`) or as a stream gives the bytes in new
// buffers, memory the system maps page by page on first write: the 1M-order CSV (189 MB) took
// about 0.7 s to read whole here, and 0.06 s read 4 MiB at a time into one buffer. The file's
// size comes from the handle, and any range can be read, so the pool reads such files too. The
// handle stays open: closing it is the caller's.

/** True for a Node.js FileHandle (what `fs.promises.open` resolves to). */
export function isFileHandle(source) {
  return typeof source === 'object' && source !== null && typeof source.fd === 'number' &&
         typeof source.read === 'function' && typeof source.stat === 'function';
}

/** The file's size in bytes. */
export async function handleSize(handle) {
  return Number((await handle.stat()).size);
}

/**
 * Reads the bytes [start, end) of the file into `into` (a Uint8Array of at least end − start
 * bytes); resolves to the bytes read, fewer when the file ends first.
 */
export async function handleBytes(handle, start, end, into) {
  const length = Math.max(0, end - start);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(into, filled, length - filled, start + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return into.subarray(0, filled);
}

/**
 * Yields the bytes [start, end) of the file in chunks of `chunkBytes` (the last one shorter),
 * read into two buffers in turn (`buffers`, two Uint8Arrays; new ones of chunkBytes when not
 * given): the next chunk is read while the caller uses this one, so use each chunk before asking
 * for the next. Awaiting each read in turn left 118–187 ms of the 1M-order files' 1.8–3.4 s
 * reads waiting on the disk.
 */
export async function* handleChunks(handle, start, end, chunkBytes, buffers = null) {
  if (start >= end) return;
  const size = Math.min(chunkBytes, end - start);
  const pair = buffers && buffers.every((buffer) => buffer.length >= size) ? buffers : [new Uint8Array(size), new Uint8Array(size)];
  const read = (at, k) => handleBytes(handle, at, Math.min(end, at + chunkBytes), pair[k]);
  let next = read(start, 0);
  try {
    for (let at = start, k = 0; at < end; at += chunkBytes, k = 1 - k) {
      const wanted = Math.min(chunkBytes, end - at);
      const bytes = await next;
      next = bytes.length === wanted && at + chunkBytes < end ? read(at + chunkBytes, 1 - k) : null;
      if (bytes.length > 0) yield bytes;
      if (bytes.length < wanted) return;  // the file is shorter than it was
    }
  } finally {
    next?.catch(() => {});  // a read ahead that a caller who stopped early will not wait for
  }
}
