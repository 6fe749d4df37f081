package dev.verve.fn.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonArray;

import java.util.List;

/**
 * One message of a stream across the event bus, either way: items (a batch, in order) or the end, a
 * failure or a heartbeat from the source; a credit grant, a heartbeat or a cancellation from the reader.
 * In process the frame itself is handed over (no copy of the items); across nodes it travels as one kind
 * byte and a small JSON payload.
 */
final class StreamFrame {

  static final byte ITEMS = 0, END = 1, FAILURE = 2, HEARTBEAT = 3, CREDIT = 4, CANCEL = 5;

  static final StreamFrame END_FRAME = new StreamFrame(END, null, 0, null);
  static final StreamFrame HEARTBEAT_FRAME = new StreamFrame(HEARTBEAT, null, 0, null);
  static final StreamFrame CANCEL_FRAME = new StreamFrame(CANCEL, null, 0, null);

  final byte kind;
  /** ITEMS: the JSON values, in order. */
  final List<Object> items;
  /** CREDIT: items granted; FAILURE: the status. */
  final int count;
  /** FAILURE: a message safe to show. */
  final String detail;

  private StreamFrame(byte kind, List<Object> items, int count, String detail) {
    this.kind = kind;
    this.items = items;
    this.count = count;
    this.detail = detail;
  }

  static StreamFrame items(List<Object> items) { return new StreamFrame(ITEMS, items, 0, null); }

  static StreamFrame credit(int items) { return new StreamFrame(CREDIT, null, items, null); }

  static StreamFrame failure(int status, String detail) { return new StreamFrame(FAILURE, null, status, detail); }

  /** Registers the codec once per event bus (each Verve instance asks; the first one wins). */
  static void registerCodec(EventBus bus) {
    try {
      bus.registerDefaultCodec(StreamFrame.class, new Codec());
    } catch (IllegalStateException alreadyRegistered) {
      // Another Verve instance on this Vert.x did it first.
    }
  }

  private static final class Codec implements MessageCodec<StreamFrame, StreamFrame> {

    @Override
    public void encodeToWire(Buffer buffer, StreamFrame frame) {
      buffer.appendByte(frame.kind).appendInt(frame.count);
      if (frame.kind == ITEMS) {
        Buffer json = new JsonArray(frame.items).toBuffer();
        buffer.appendInt(json.length()).appendBuffer(json);
      } else if (frame.kind == FAILURE) {
        Buffer text = Buffer.buffer(frame.detail == null ? "" : frame.detail);
        buffer.appendInt(text.length()).appendBuffer(text);
      }
    }

    @SuppressWarnings("unchecked")
    @Override
    public StreamFrame decodeFromWire(int pos, Buffer buffer) {
      byte kind = buffer.getByte(pos);
      int count = buffer.getInt(pos + 1);
      switch (kind) {
        case ITEMS: {
          int length = buffer.getInt(pos + 5);
          JsonArray items = new JsonArray(buffer.getBuffer(pos + 9, pos + 9 + length));
          return items((List<Object>) items.getList());
        }
        case FAILURE: {
          int length = buffer.getInt(pos + 5);
          return failure(count, buffer.getString(pos + 9, pos + 9 + length));
        }
        case END: return END_FRAME;
        case HEARTBEAT: return HEARTBEAT_FRAME;
        case CANCEL: return CANCEL_FRAME;
        default: return credit(count);
      }
    }

    @Override
    public StreamFrame transform(StreamFrame frame) {
      return frame; // immutable once sent: the sender never touches a sent batch again
    }

    @Override
    public String name() {
      return "verve-stream-frame";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
