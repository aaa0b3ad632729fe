// Loaded with --import by offline-start.test.ts: any TCP connection to a host other than loopback is refused and
// reported on stderr, so a server that reaches the network at start is caught.
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', undefined]);
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function (...args) {
  // net.connect() passes its normalized [options, callback] array as the one argument.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  if (!options.path && !LOOPBACK.has(options.host)) {
    process.stderr.write(`OFFLINE: refused a connection to ${options.host}:${options.port}\n`);
    throw new Error(`offline: ${options.host}`);
  }

  return connect.apply(this, args);
};
