// Loaded with `node --import` before the SDK example, changing two things and nothing else:
// every server it starts listens on 127.0.0.1 only (the example listens on all interfaces),
// and express-rate-limit becomes a pass-through, because the SDK's auth router allows only
// 20 registrations an hour per address and mcpauth has no rate limit to compare with.
import net from 'node:net';
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    const callback = args.find((a) => typeof a === 'function');
    return listen.call(this, { port: Number(args[0]), host: '127.0.0.1' }, callback);
  }
  return listen.apply(this, args);
};
