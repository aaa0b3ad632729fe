// Loaded with --import by offline-start.test.ts: any TCP connection to a host other than loopback is refused and
// reported on stderr, so a server that reaches the network at start is caught.
import net from 'node:net';

const LOOPBACK = new Set(['::1', 'localhost', undefined]);
/** The whole 127.0.0.0/8 block is loopback (tests use 127.0.0.2 as a second local host), also IPv4-mapped. */
const isLoopback = (host) => LOOPBACK.has(host) || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(String(host));
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function (...args) {
  // net.connect() passes its normalized [options, callback] array as the one argument.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  if (!options.path && !isLoopback(options.host)) {
    process.stderr.write(`OFFLINE: refused a connection to ${options.host}:${options.port}\n`);
    throw new Error(`offline: ${options.host}`);
  }

  return connect.apply(this, args);
};
