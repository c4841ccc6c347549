// A Blob's bytes read into buffers used again and again. Each `slice().arrayBuffer()` is a new
// buffer: memory the system maps page by page on first write, which on some machines costs
// more than reading the file. The Blob's stream hands its bytes over in the runtime's own small
// pieces, which are copied into one buffer used for every chunk (a 189 MB CSV read as a File in
// Chromium: 3.09 s by slices, 2.56 s so). Its "BYOB" reader, which would fill that buffer
// directly, is not used: in Chromium 156 a BYOB read of a dropped File now and then never
// resolved, and the drop hung. Where a runtime's Blobs have no stream, the slices are read.

// A reader of blob[start, end)'s stream, or null where the runtime's Blobs have none.
function streamReader(blob, start, end) {
  const part = blob.slice(start, end);
  if (typeof part.stream !== 'function') return null;
  try {
    return part.stream().getReader();
  } catch {
    return null;
  }
}

// Copies the next bytes of `reader` into `view` until it is full or the stream ends; `rest`
// holds the piece read but not yet copied, for the next call. Returns the bytes copied.
async function fill(reader, view, rest) {
  let filled = 0;
  while (filled < view.byteLength) {
    if (rest.piece === null || rest.at === rest.piece.byteLength) {
      const { done, value } = await reader.read();
      if (done) break;
      rest.piece = value;
      rest.at = 0;
    }
    const count = Math.min(view.byteLength - filled, rest.piece.byteLength - rest.at);
    view.set(rest.piece.subarray(rest.at, rest.at + count), filled);
    rest.at += count;
    filled += count;
  }
  return view.subarray(0, filled);
}

/**
 * Yields the bytes [start, end) of `blob` in chunks of `chunkBytes` (the last one shorter).
 * The chunks share one buffer, refilled for the next: use each before asking for the next.
 */
export async function* blobChunks(blob, start, end, chunkBytes) {
  if (start >= end) return;
  const reader = streamReader(blob, start, end);
  if (!reader) {
    for (let at = start; at < end; at += chunkBytes) yield new Uint8Array(await blob.slice(at, Math.min(end, at + chunkBytes)).arrayBuffer());
    return;
  }
  const buffer = new ArrayBuffer(Math.min(chunkBytes, end - start));
  const rest = { piece: null, at: 0 };
  try {
    for (let at = start; at < end; at += chunkBytes) {
      const bytes = await fill(reader, new Uint8Array(buffer, 0, Math.min(chunkBytes, end - at)), rest);
      if (bytes.byteLength === 0) return;  // the Blob was shorter than it said
      yield bytes;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * The bytes [start, end) of `blob` in one Uint8Array, read into `spare` (an ArrayBuffer) when it
 * is large enough, else into a new buffer.
 */
export async function blobBytes(blob, start, end, spare = null) {
  const length = Math.max(0, end - start);
  const reader = streamReader(blob, start, end);
  if (!reader) return new Uint8Array(await blob.slice(start, end).arrayBuffer());
  try {
    const buffer = spare && spare.byteLength >= length ? spare : new ArrayBuffer(length);
    return await fill(reader, new Uint8Array(buffer, 0, length), { piece: null, at: 0 });
  } finally {
    reader.cancel().catch(() => {});
  }
}
