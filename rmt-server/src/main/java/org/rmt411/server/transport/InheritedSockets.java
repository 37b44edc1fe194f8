package org.rmt411.server.transport;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.SocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.spi.SelectorProvider;

/**
 * Turns inherited socket descriptors (fd 3 onwards, systemd's {@code LISTEN_FDS}) into NIO
 * channels. Java has no public API for an arbitrary descriptor: {@link System#inheritedChannel()}
 * only looks at fd 0. This borrows the code behind it, the JDK's own
 * {@code sun.nio.ch.InheritedChannel}, whose private members used here are unchanged from JDK 17
 * to 25, through reflection. It needs {@code --add-opens java.base/sun.nio.ch}, which the jar's
 * manifest carries ({@code Add-Opens}) for {@code java -jar}. No dependency, no native code.
 * <ul>
 * <li>A listening socket is moved onto fd 0 for {@code createChannel()}, which dups fd 0 into a
 * server channel; fd 0 is restored afterwards.
 * <li>A connected socket is wrapped directly as {@code InheritedSocketChannelImpl} with its peer
 * from {@code Net.remoteAddress}: JDK 17's {@code createChannel()} only recognises a connected
 * socket of the family the JVM prefers, and a JVM with IPv6 takes an IPv4 connection (systemd
 * {@code ListenStream=127.0.0.1:411}, {@code Accept=yes}) for a listening socket.
 * </ul>
 */
final class InheritedSockets {
    private static final String WORKAROUND = "start it with java --add-opens java.base/sun.nio.ch=ALL-UNNAMED,"
            + " or serve the connection as inetd does: StandardInput=socket and --inetd";

    private final Method dup;
    private final Method dup2;
    private final Method close;
    private final Method create;
    private final Method isConnected;
    private final Method soType;
    private final int sockStream;
    private final Method newFd;
    private final Method remoteAddress;
    private final Constructor<?> socketChannel;

    private InheritedSockets() throws IOException {
        try {
            Class<?> inherited = Class.forName("sun.nio.ch.InheritedChannel");
            dup = method(inherited, "dup", int.class);
            dup2 = method(inherited, "dup2", int.class, int.class);
            close = method(inherited, "close0", int.class);
            create = method(inherited, "createChannel");
            isConnected = method(inherited, "isConnected", int.class);
            soType = method(inherited, "soType0", int.class);
            java.lang.reflect.Field stream = inherited.getDeclaredField("SOCK_STREAM");
            stream.setAccessible(true);
            sockStream = stream.getInt(null);
            newFd = method(Class.forName("sun.nio.ch.IOUtil"), "newFD", int.class);
            remoteAddress = method(Class.forName("sun.nio.ch.Net"), "remoteAddress", FileDescriptor.class);
            socketChannel = Class.forName("sun.nio.ch.InheritedChannel$InheritedSocketChannelImpl")
                    .getDeclaredConstructor(SelectorProvider.class, FileDescriptor.class, SocketAddress.class);
            socketChannel.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw refused(e);
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        Method method = type.getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return method;
    }

    private static IOException refused(Exception e) {
        String why = e instanceof RuntimeException && !(e instanceof IllegalArgumentException)
                ? "java.base does not open sun.nio.ch to rmt-server" : String.valueOf(e);
        return new IOException("LISTEN_FDS: cannot adopt the sockets systemd passed: " + why + "; " + WORKAROUND);
    }

    /**
     * Channels for descriptors {@code first .. first+count-1}, which are closed afterwards (each
     * channel holds its own duplicate). An entry is {@code null} when its descriptor is no stream
     * socket.
     */
    static Channel[] adopt(int first, int count) throws IOException {
        // InheritedChannel's channels reset fds 0-2 to its /dev/null descriptor when they close,
        // which System.inheritedChannel() opens; without it that close would fail.
        System.inheritedChannel();
        InheritedSockets jdk = new InheritedSockets();
        Channel[] channels = new Channel[count];
        for (int i = 0; i < count; i++) {
            int fd = first + i;
            if ((int) jdk.call(jdk.soType, fd) == jdk.sockStream) {
                channels[i] = (boolean) jdk.call(jdk.isConnected, fd) ? jdk.connected(fd) : jdk.listening(fd);
            }
            jdk.call(jdk.close, fd);
        }
        return channels;
    }

    private Channel connected(int fd) throws IOException {
        FileDescriptor copy = (FileDescriptor) call(newFd, (int) call(dup, fd));
        try {
            return (Channel) socketChannel.newInstance(SelectorProvider.provider(), copy, call(remoteAddress, copy));
        } catch (InvocationTargetException e) {
            throw new IOException("fd " + fd + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw refused(e);
        }
    }

    private Channel listening(int fd) throws IOException {
        int saved = (int) call(dup, 0);
        try {
            call(dup2, fd, 0);
            return (Channel) call(create);
        } finally {
            call(dup2, saved, 0);
            call(close, saved);
        }
    }

    private Object call(Method method, Object... args) throws IOException {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException ? (IOException) cause : new IOException(String.valueOf(cause), cause);
        } catch (IllegalAccessException e) {
            throw refused(e);
        }
    }
}
