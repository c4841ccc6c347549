// A Blob's bytes read into buffers used again and again. Each `slice().arrayBuffer()` is a new
// buffer, and so is each piece a stream's default reader hands over: memory the system maps
// page by page on first write, which on some machines costs more than reading the file (the
// 1M-order NDJSON, 314 MB, streamed on a fresh Chromium tab: 2.3–2.8 s and ~120,000 page
// faults by the default reader, 0.9–1.2 s and 14,000–28,000 by a BYOB reader). A byte stream's
// "BYOB" reader fills a buffer the caller keeps. In Chromium 156 a BYOB read of a dropped File
// now and then never resolved (the drop hung), so a BYOB read not answered within a
// time limit is given up: the chunk is read again from its start by the default reader, whose
// pieces are copied into the caller's buffer, and this realm reads by default readers from then
// on. Where a runtime's Blobs have no stream, the slices are read.

/** How long a BYOB read may go unanswered before the reading goes on without BYOB, in ms. */
export const BYOB_STALL_MS = 1000;

let byobStalled = false;  // a BYOB read in this realm went unanswered: default readers from now on

// Resolves to the read's result, or to null when it has not settled within `ms`.
function within(read, ms) {
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, ms, null)));
  return Promise.race([read, late]).finally(() => clearTimeout(timer));
}

// Reads blob[start, end) chunk by chunk, by the stream's BYOB reader where it can, else by its
// default reader, else (no streams) by slices.
class BlobReader {
  #blob;
  #at;     // where the next chunk starts
  #end;
  #stallMs;
  #reader = null;
  #byob = false;
  #piece = null;  // the default reader's last piece and how much of it was copied
  #used = 0;

  constructor(blob, start, end, stallMs) {
    this.#blob = blob;
    this.#at = start;
    this.#end = end;
    this.#stallMs = stallMs;
    this.#open(!byobStalled);
  }

  #open(byob) {
    this.#reader = null;
    this.#piece = null;
    const part = this.#blob.slice(this.#at, this.#end);
    if (typeof part.stream !== 'function') return;
    for (const mode of byob ? ['byob', undefined] : [undefined]) {
      try {
        this.#reader = part.stream().getReader(mode ? { mode } : undefined);
        this.#byob = mode === 'byob';
        return;
      } catch {
        // no BYOB reader for this runtime's Blob streams (or no stream at all)
      }
    }
  }

  /**
   * Reads the next bytes into `view` until it is full or the Blob ends. Resolves to those bytes;
   * their buffer may not be view's (a BYOB read moves it): use theirs from then on.
   */
  async fill(view) {
    if (!this.#reader) {
      const bytes = new Uint8Array(await this.#blob.slice(this.#at, Math.min(this.#end, this.#at + view.byteLength)).arrayBuffer());
      this.#at += bytes.byteLength;
      return bytes;
    }
    let { buffer } = view;
    const { byteOffset, byteLength } = view;  // read before a BYOB read detaches `view`
    let filled = 0;
    while (filled < byteLength) {
      if (this.#byob) {
        const result = await within(this.#reader.read(new Uint8Array(buffer, byteOffset + filled, byteLength - filled)), this.#stallMs);
        if (result === null) {
          // The unanswered read holds the buffer (and the bytes of this chunk read so far): a new
          // buffer, and the chunk again from its start, by the default reader.
          byobStalled = true;
          this.#reader.cancel().catch(() => {});
          buffer = new ArrayBuffer(byteOffset + byteLength);
          filled = 0;
          this.#open(false);
          continue;
        }
        if (result.value) {
          buffer = result.value.buffer;
          filled += result.value.byteLength;
        }
        if (result.done) break;
      } else {
        if (this.#piece === null || this.#used === this.#piece.byteLength) {
          const { done, value } = await this.#reader.read();
          if (done) break;
          this.#piece = value;
          this.#used = 0;
        }
        const count = Math.min(byteLength - filled, this.#piece.byteLength - this.#used);
        new Uint8Array(buffer, byteOffset + filled, count).set(this.#piece.subarray(this.#used, this.#used + count));
        this.#used += count;
        filled += count;
      }
    }
    this.#at += filled;
    return new Uint8Array(buffer, byteOffset, filled);
  }

  /** Stops reading (the stream is cancelled). */
  cancel() {
    this.#reader?.cancel().catch(() => {});
  }
}

/**
 * Yields the bytes [start, end) of `blob` in chunks of `chunkBytes` (the last one shorter).
 * The chunks share one buffer, refilled for the next: use each before asking for the next.
 * `stallMs`: see BYOB_STALL_MS.
 */
export async function* blobChunks(blob, start, end, chunkBytes, stallMs = BYOB_STALL_MS) {
  if (start >= end) return;
  const reader = new BlobReader(blob, start, end, stallMs);
  let buffer = new ArrayBuffer(Math.min(chunkBytes, end - start));
  try {
    for (let at = start; at < end; at += chunkBytes) {
      const wanted = Math.min(chunkBytes, end - at);
      const bytes = await reader.fill(new Uint8Array(buffer, 0, wanted));
      if (bytes.byteLength === 0) return;  // the Blob was shorter than it said
      buffer = bytes.buffer;
      yield bytes;
      if (bytes.byteLength < wanted) return;  // the same, found within the chunk
    }
  } finally {
    reader.cancel();
  }
}

/**
 * The bytes [start, end) of `blob` in one Uint8Array, read into `spare` (an ArrayBuffer, which
 * a BYOB read detaches: use the result's buffer) when it is large enough, else into a new buffer
 * with `room` bytes more (for a next, longer range).
 */
export async function blobBytes(blob, start, end, spare = null, stallMs = BYOB_STALL_MS, room = 0) {
  const length = Math.max(0, end - start);
  const reader = new BlobReader(blob, start, end, stallMs);
  try {
    return await reader.fill(new Uint8Array(spare && spare.byteLength >= length ? spare : new ArrayBuffer(length + room), 0, length));
  } finally {
    reader.cancel();
  }
}
