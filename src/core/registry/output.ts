/**
 * What a program wrote, kept within bounds: a hostile server can write without end, but the
 * line that says why it failed is as often near the start (an error, then a long stack trace
 * or a usage text) as near the end. So the first and the last part are kept, and what fell
 * between is counted. Pure: src/cli/ feeds it the chunks.
 */
export class HeadAndTail {
  private head = '';
  private tail = '';
  private dropped = 0;
  private readonly headSize: number;
  private readonly tailSize: number;

  constructor(headSize = 8000, tailSize = 8000) {
    this.headSize = headSize;
    this.tailSize = tailSize;
  }

  append(chunk: string): void {
    let rest = chunk;
    if (this.head.length < this.headSize) {
      const room = this.headSize - this.head.length;
      this.head += rest.slice(0, room);
      rest = rest.slice(room);
    }
    if (!rest) return;
    const tail = this.tail + rest;
    this.dropped += Math.max(0, tail.length - this.tailSize);
    this.tail = tail.slice(-this.tailSize);
  }

  /** The head and the tail, with a line saying how much was left out between them. */
  text(): string {
    if (!this.dropped) return this.head + this.tail;
    return `${this.head}\n… (${this.dropped} characters left out) …\n${this.tail}`;
  }
}
