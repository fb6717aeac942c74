import net from 'node:net';
import tls from 'node:tls';

/**
 * neo4j-driver 5 for JavaScript leaves Nagle's algorithm on for its Bolt sockets, and writes a
 * message in chunks of 1,400 bytes. A query text longer than that (the ego network's is 3 kB) goes
 * out as several writes, and the second waits for the first one's ACK, which Linux delays by up to
 * 40 ms: measured here, that query took 50 ms a call in place of 5. The driver has no option for
 * it (its Python sibling sets TCP_NODELAY itself), so the sockets this process opens as a client
 * get TCP_NODELAY when they are made. Node's HTTP server sets it on its own sockets already.
 */
let applied = false;

export function disableNagleOnClientSockets(): void {
  if (applied) return;
  applied = true;
  const netConnect = net.connect;
  const tlsConnect = tls.connect;
  // Plain functions (not arrows): they forward `this` and every overload's arguments as they are.
  net.connect = function (this: unknown, ...args: unknown[]) {
    return (netConnect as (...a: unknown[]) => net.Socket).apply(this, args).setNoDelay(true);
  } as typeof net.connect;
  net.createConnection = net.connect;
  tls.connect = function (this: unknown, ...args: unknown[]) {
    const socket = (tlsConnect as (...a: unknown[]) => tls.TLSSocket).apply(this, args);
    socket.setNoDelay(true);
    return socket;
  } as typeof tls.connect;
}
