// A small MessagePack encoder and decoder (nil, booleans, integers up to 64 bits, floats, strings, binary, arrays,
// maps): enough for spaCy's DocBin, without a dependency. Maps keep insertion order, so output is deterministic.

export type MsgValue = null | boolean | number | bigint | string | Uint8Array | MsgValue[] | { [key: string]: MsgValue };

class Writer {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v;
  }
  u16(v: number): void {
    this.ensure(2);
    this.view.setUint16(this.length, v);
    this.length += 2;
  }
  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.length, v);
    this.length += 4;
  }
  u64(v: bigint): void {
    this.ensure(8);
    this.view.setBigUint64(this.length, v);
    this.length += 8;
  }
  i64(v: bigint): void {
    this.ensure(8);
    this.view.setBigInt64(this.length, v);
    this.length += 8;
  }
  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, v);
    this.length += 8;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

const encoder = new TextEncoder();

function writeInt(w: Writer, v: bigint): void {
  if (v >= 0n) {
    if (v < 128n) w.u8(Number(v));
    else if (v < 0x100n) (w.u8(0xcc), w.u8(Number(v)));
    else if (v < 0x10000n) (w.u8(0xcd), w.u16(Number(v)));
    else if (v < 0x100000000n) (w.u8(0xce), w.u32(Number(v)));
    else if (v < 1n << 64n) (w.u8(0xcf), w.u64(v));
    else throw new RangeError('integer too large for MessagePack');
  } else if (v >= -32n) w.u8(Number(v) & 0xff);
  else if (v >= -128n) (w.u8(0xd0), w.u8(Number(v) & 0xff));
  else if (v >= -32768n) (w.u8(0xd1), w.u16(Number(v) & 0xffff));
  else if (v >= -2147483648n) (w.u8(0xd2), w.u32(Number(v) >>> 0));
  else if (v >= -(1n << 63n)) (w.u8(0xd3), w.i64(v));
  else throw new RangeError('integer too small for MessagePack');
}

function writeValue(w: Writer, value: MsgValue): void {
  if (value === null) w.u8(0xc0);
  else if (value === false) w.u8(0xc2);
  else if (value === true) w.u8(0xc3);
  else if (typeof value === 'bigint') writeInt(w, value);
  else if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) writeInt(w, BigInt(value));
    else (w.u8(0xcb), w.f64(value));
  } else if (typeof value === 'string') {
    const b = encoder.encode(value);
    if (b.length < 32) w.u8(0xa0 | b.length);
    else if (b.length < 0x100) (w.u8(0xd9), w.u8(b.length));
    else if (b.length < 0x10000) (w.u8(0xda), w.u16(b.length));
    else (w.u8(0xdb), w.u32(b.length));
    w.bytes(b);
  } else if (value instanceof Uint8Array) {
    if (value.length < 0x100) (w.u8(0xc4), w.u8(value.length));
    else if (value.length < 0x10000) (w.u8(0xc5), w.u16(value.length));
    else (w.u8(0xc6), w.u32(value.length));
    w.bytes(value);
  } else if (Array.isArray(value)) {
    if (value.length < 16) w.u8(0x90 | value.length);
    else if (value.length < 0x10000) (w.u8(0xdc), w.u16(value.length));
    else (w.u8(0xdd), w.u32(value.length));
    for (const item of value) writeValue(w, item);
  } else {
    const entries = Object.entries(value);
    if (entries.length < 16) w.u8(0x80 | entries.length);
    else if (entries.length < 0x10000) (w.u8(0xde), w.u16(entries.length));
    else (w.u8(0xdf), w.u32(entries.length));
    for (const [k, v] of entries) {
      writeValue(w, k);
      writeValue(w, v);
    }
  }
}

export function msgpackEncode(value: MsgValue): Uint8Array {
  const w = new Writer();
  writeValue(w, value);
  return w.result();
}

/** Decodes MessagePack. Integers beyond 2^53 come back as bigint; maps as plain objects. */
export function msgpackDecode(bytes: Uint8Array): MsgValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pos = 0;
  const big = (v: bigint): number | bigint => (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);
  const str = (n: number) => {
    const s = decoder.decode(bytes.subarray(pos, pos + n));
    pos += n;
    return s;
  };
  const bin = (n: number) => {
    const b = bytes.slice(pos, pos + n);
    pos += n;
    return b;
  };
  const arr = (n: number): MsgValue[] => {
    const out: MsgValue[] = [];
    for (let i = 0; i < n; i++) out.push(read());
    return out;
  };
  const map = (n: number): { [key: string]: MsgValue } => {
    const out: { [key: string]: MsgValue } = {};
    for (let i = 0; i < n; i++) {
      const k = read();
      out[String(k)] = read();
    }
    return out;
  };
  const read = (): MsgValue => {
    if (pos >= bytes.length) throw new Error('MessagePack: unexpected end of data');
    const t = bytes[pos++];
    if (t < 0x80) return t;
    if (t >= 0xe0) return t - 0x100;
    if ((t & 0xf0) === 0x80) return map(t & 0x0f);
    if ((t & 0xf0) === 0x90) return arr(t & 0x0f);
    if ((t & 0xe0) === 0xa0) return str(t & 0x1f);
    const take = <T>(n: number, f: (o: number) => T): T => {
      const v = f(pos);
      pos += n;
      return v;
    };
    switch (t) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xc4: return bin(take(1, (o) => view.getUint8(o)));
      case 0xc5: return bin(take(2, (o) => view.getUint16(o)));
      case 0xc6: return bin(take(4, (o) => view.getUint32(o)));
      case 0xca: return take(4, (o) => view.getFloat32(o));
      case 0xcb: return take(8, (o) => view.getFloat64(o));
      case 0xcc: return take(1, (o) => view.getUint8(o));
      case 0xcd: return take(2, (o) => view.getUint16(o));
      case 0xce: return take(4, (o) => view.getUint32(o));
      case 0xcf: return big(take(8, (o) => view.getBigUint64(o)));
      case 0xd0: return take(1, (o) => view.getInt8(o));
      case 0xd1: return take(2, (o) => view.getInt16(o));
      case 0xd2: return take(4, (o) => view.getInt32(o));
      case 0xd3: return big(take(8, (o) => view.getBigInt64(o)));
      case 0xd9: return str(take(1, (o) => view.getUint8(o)));
      case 0xda: return str(take(2, (o) => view.getUint16(o)));
      case 0xdb: return str(take(4, (o) => view.getUint32(o)));
      case 0xdc: return arr(take(2, (o) => view.getUint16(o)));
      case 0xdd: return arr(take(4, (o) => view.getUint32(o)));
      case 0xde: return map(take(2, (o) => view.getUint16(o)));
      case 0xdf: return map(take(4, (o) => view.getUint32(o)));
      default: throw new Error(`MessagePack: unsupported type byte 0x${t.toString(16)}`);
    }
  };
  const value = read();
  if (pos !== bytes.length) throw new Error('MessagePack: trailing bytes');
  return value;
}
