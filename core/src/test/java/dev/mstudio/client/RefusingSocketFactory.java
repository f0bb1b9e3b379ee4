package dev.mstudio.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/** Refuses the first {@code n} connections the way an unreachable host does; then behaves normally. */
final class RefusingSocketFactory extends SocketFactory {
    private final SocketFactory delegate = SocketFactory.getDefault();
    private final AtomicInteger remaining;
    private final AtomicInteger refused = new AtomicInteger();

    RefusingSocketFactory(int refusals) {
        this.remaining = new AtomicInteger(refusals);
    }

    int refused() {
        return refused.get();
    }

    @Override
    public Socket createSocket() throws IOException {
        if (remaining.getAndDecrement() <= 0) {
            return delegate.createSocket();
        }
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                refused.incrementAndGet();
                throw new ConnectException("Connection refused (test)");
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
